#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Print a JSON list of address strings for the inet_* differential tests.

Hand-picked edge cases first, then seeded random mixtures (deterministic).
No string contains a NUL character. Usage: gen_inet_inputs.py [seed] [count]
"""
import json
import random
import sys

EDGE = [
    # inet_aton: number forms and part counts
    "", ".", "..", "...", "1", "0", "00", "08", "09", "010", "0x", "0X",
    "0x0", "0X1f", "0xg", "0x1g", "0xFFFFFFFF", "0xffffffff", "0x100000000",
    "0x0000000000000000000001", "000000000000000000000000000001",
    "4294967295", "4294967296", "18446744073709551615",
    "18446744073709551616", "99999999999999999999999999999999",
    "037777777777", "040000000000", "017700000001", "2130706433",
    "127.1", "127.0.1", "127.65535", "127.65536", "127.16777215",
    "127.16777216", "1.2.65535", "1.2.65536", "1.2.3.255", "1.2.3.256",
    "0x7f.1", "0x7f000001", "0x7f.0x0.0x0.0x1", "0177.0.0.01", "012.1.2.3",
    "1.2.3.04", "1.2.3.08", "1.2.3.0x", "1.2.3.0x4", "0x.1.2.3",
    "255.255.255.255", "256.0.0.1", "255.255.255.256", "1.2.3.4.5",
    "1.2.3.", "1..2.3", ".1.2.3", "1.2.3.4.", "+1.2.3.4", "-1.2.3.4",
    "1.-2.3.4", "1.+2.3.4", "1. 2.3.4", "1.2.3.4 junk", "1.2.3.4\t",
    "1.2.3.4\n", "1.2.3.4\r\nx", "1.2.3.4\v", "1.2.3.4\f", " 1.2.3.4",
    "\t1.2.3.4", "1.2.3.4x", "1.2.3 .4", "1 .2.3.4", "1.2.3.4\u00a0",
    "1.2.3.4\u3000", "\u0661.2.3.4", "1.2.3.\uff14", "1.2.3.4 ",
    "0x7f 1", "127.1 junk", "4294967295 ", "4294967296 ", "1e1", "1.2e3",
    "0.0.0.0", "0.0.0.00", "00.0.0.0", "0.0.0.0x0", "1.0x2.0x3.0x4",
    "1.2.0xffff", "1.2.0x10000", "1.0xffffff", "1.0x1000000",
    "12345678901234567890.1.2.3", "1.2.3." + "9" * 40, "0x" + "f" * 40,
    "0" * 60, "0" * 60 + "1", "1" + "0" * 9, "1" + "0" * 10,
    # inet_pton AF_INET6
    "::", ":::", "::::", ":", "1:", ":1", "1::", "::1", "1::2", "1::2::3",
    "1:::2", "::1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7::",
    "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7::8", "1::2:3:4:5:6:7:8",
    "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "1:2:3:4::5:6:7",
    "fe80::1%lo", "fe80::1%eth0", "fe80::1%1", "FE80::ABCD", "fe80::abcd",
    "::fFFf:127.0.0.1", "::ffff:1.2.3.4", "::FFFF:1.2.3.4", "::1.2.3.4",
    "::1.2.3", "::1.2.3.4.5", "::1.2.3.04", "::01.2.3.4", "::256.1.2.3",
    "::0x1.2.3.4", "::1.2.3.4:5", "::1.2.3.4:", "::1.2.3.4::",
    "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:1.2.3.4",
    "1:2:3:4:5::1.2.3.4", "1:2:3:4:5:6::1.2.3.4", "::1:2:3:4:5:1.2.3.4",
    "::1:2:3:4:5:6:1.2.3.4", "1.2.3.4::", "1.2.3.4", "::ffff:0:1.2.3.4",
    "::ffff:1a.2.3.4", "::12345", "::1234", "::01234", "::0001", "::00001",
    "12345::", "::g", "::-1", ":: 1", "::1 ", " ::1", "::1\t",
    "0:0:0:0:0:0:0:0", "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
    "1::2:3", "1:0:0:1:0:0:0:1", "1:0:0:0:1:0:0:1", "0:1:0:0:0:0:1:0",
    "::ffff:0.0.0.0", "::0.0.0.0", "::0.0.1.0", "::0.1.0.0",
    "2001:db8::", "2001:db8::1:0:0:1", "2001:0db8:0000:0000:0001:0000:0000:0001",
    "[::1]", "::1/128", "::1.2.3.4/32", "1:2:3:4:5:6:7:8 ", "1:2",
    "1::2:", "::1:", "::ffff:", "1:2:3:4:5:6::7:", "a:b:c:d:e:f::",
    "::a:b:c:d:e:f:0", "1:2:3:4:5:6:7:8:",
]

ALPHA = "0123456789....::::xXabcdefABCDEFg  \t%-+"


def gen_random(rng, count):
    out = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.2:
            parts = [rng.choice(["", "0", "0x", "0X"]) +
                     "".join(rng.choice("0123456789abcdefx") for _ in range(rng.randint(0, 4)))
                     for _ in range(rng.randint(1, 5))]
            s = ".".join(parts)
        elif kind < 0.35:
            groups = ["".join(rng.choice("0123456789abcdefABCDEF")
                              for _ in range(rng.choice([0, 0, 1, 2, 3, 4, 4, 5])))
                      for _ in range(rng.randint(1, 9))]
            s = ":".join(groups)
            if rng.random() < 0.3:
                s += ":" + ".".join(str(rng.choice([0, 1, 9, 10, 99, 255, 256, "01"])) for _ in range(rng.randint(2, 5)))
        elif kind < 0.7:
            s = ".".join(rng.choice(["0", "1", "9", "10", "99", "100", "199", "255", "256", "300", "00", "01", "010"])
                         if rng.random() < 0.4 else str(rng.randrange(256))
                         for _ in range(rng.choice([4, 4, 4, 3, 5])))
        elif kind < 0.85:
            ws = ["%x" % rng.choice([0, 0, 0, 1, 0xffff, rng.randrange(65536)]) for _ in range(8)]
            if rng.random() < 0.3:
                ws[6:] = [".".join(str(rng.randrange(256)) for _ in range(4))]
            if rng.random() < 0.6:
                i = rng.randrange(len(ws))
                j = rng.randrange(i, len(ws) + 1)
                ws[i:j] = [""] if 0 < i and j < len(ws) else ["", ""] if i != j or i == 0 else [""]
            s = ":".join(ws)
            if s in ("", ":"):
                s = "::"
            if rng.random() < 0.2:
                s = rng.choice([s.upper(), s + ":", ":" + s, s.replace(":", ":0", 1), s + "%eth0"])
        elif kind < 0.9:
            s = ".".join(str(rng.choice([0, 1, 7, 8, 10, 127, 255, 256, 65535, 65536, 16777215,
                                         16777216, 4294967295, 4294967296, "00", "08", "0x7f"]))
                         for _ in range(rng.randint(1, 5)))
        else:
            s = "".join(rng.choice(ALPHA) for _ in range(rng.randint(0, 20)))
        if rng.random() < 0.1:
            s += rng.choice([" ", "\t", "x", " junk", "\n1", "."])
        if rng.random() < 0.05:
            s = rng.choice([" ", "\t", "0", ":", "."]) + s
        out.append(s)
    return out


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20240601
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    items = list(dict.fromkeys(EDGE + gen_random(random.Random(seed), count)))
    json.dump(items, sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
