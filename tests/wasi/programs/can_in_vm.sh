#!/bin/sh
# SPDX-License-Identifier: MIT
# Run inside the test VM (tests/vm/run.js) by can-utils.test.js: wasm can-utils (built
# with `wasock cc`, directory $1) against the host's native can-utils on vcan0, both
# directions, raw CAN and ISO-TP. Writes what each receiver got into $WASOCK_VM_OUT.
B=$1
OUT=${WASOCK_VM_OUT:-/tmp}
run() { node --no-warnings bridge/cli.js run --allow-family can --allow-bind vcan0 "$@"; }

# The sender repeats until the receiver (which stops after one message) has exited:
# a wasm receiver under emulation takes seconds to start.
send_until_done() { # pid, command...
	pid=$1
	shift
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 120 ]; do
		"$@" >/dev/null 2>&1
		sleep 1
		i=$((i + 1))
	done
}

# 1. wasm cansend -> native candump
candump -n 1 vcan0 > "$OUT/native-candump.txt" 2>&1 &
p=$!
send_until_done $p run "$B/cansend" vcan0 123#DEADBEEF
wait $p
echo "cansend(wasm) -> candump(native): $?"

# 2. native cansend -> wasm candump
run "$B/candump" -n 1 vcan0 > "$OUT/wasm-candump.txt" 2>&1 &
p=$!
send_until_done $p cansend vcan0 5A1#11.2233.44556677.88
wait $p
echo "cansend(native) -> candump(wasm): $?"

# 3. wasm isotpsend -> native isotprecv (a 20-byte PDU: segmented)
isotprecv -s 321 -d 123 vcan0 > "$OUT/native-isotprecv.txt" 2>&1 &
p=$!
send_until_done $p sh -c "echo '00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 01 02 03 04' | node --no-warnings bridge/cli.js run --allow-family can --allow-bind vcan0 $B/isotpsend -s 123 -d 321 vcan0"
wait $p
echo "isotpsend(wasm) -> isotprecv(native): $?"

# 4. native isotpsend -> wasm isotprecv
run "$B/isotprecv" -s 456 -d 654 vcan0 > "$OUT/wasm-isotprecv.txt" 2>&1 &
p=$!
send_until_done $p sh -c "echo 'DE AD BE EF 01 02 03 04 05 06 07 08 09 0A' | isotpsend -s 654 -d 456 vcan0"
wait $p
echo "isotpsend(native) -> isotprecv(wasm): $?"
