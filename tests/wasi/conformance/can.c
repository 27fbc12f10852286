/* SPDX-License-Identifier: MIT */
/* CAN (run in the test VM, whose kernel has it, on vcan0/vcan1): raw frames, CAN FD,
   filters, error frames option, loopback and own-message reception, sockaddr_can,
   the interface ioctls, ISO-TP sockets, errors. */
#include "conf.h"
#include <net/if.h>
#include <sys/ioctl.h>
#include <linux/can.h>
#include <linux/can/raw.h>
#include <linux/can/isotp.h>

static int raw_on(const char *ifname)
{
	int s = socket(PF_CAN, SOCK_RAW, CAN_RAW);
	struct sockaddr_can a = { .can_family = AF_CAN, .can_ifindex = (int)if_nametoindex(ifname) };
	if (s >= 0 && bind(s, (struct sockaddr *)&a, sizeof a) < 0) {
		close(s);
		return -1;
	}
	return s;
}

static void show(const char *what, const struct can_frame *f, int n)
{
	SAY("%s: %d id 0x%x dlc %d data %02x %02x %02x %02x\n", what, n, f->can_id, f->can_dlc, f->data[0],
	    f->data[1], f->data[2], f->data[3]);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	int idx = (int)if_nametoindex("vcan0");
	SAY("vcan0 has an index: %d\n", idx > 0);
	int s = socket(PF_CAN, SOCK_RAW, CAN_RAW);
	CASE_OK("socket raw", s);
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "vcan0");
	CASE("SIOCGIFINDEX vcan0", ioctl(s, SIOCGIFINDEX, &ifr));
	SAY("SIOCGIFINDEX agrees: %d\n", ifr.ifr_ifindex == idx);
	struct sockaddr_can a = { .can_family = AF_CAN, .can_ifindex = idx };
	CASE("bind vcan0", bind(s, (struct sockaddr *)&a, sizeof a));
	struct sockaddr_can got;
	socklen_t gl = sizeof got;
	CASE("getsockname", getsockname(s, (struct sockaddr *)&got, &gl));
	SAY("sockaddr_can: len %u family %d ifindex-is-vcan0 %d\n", (unsigned)gl, got.can_family, got.can_ifindex == idx);
	int r = raw_on("vcan0");
	CASE_OK("second raw socket", r);
	struct can_frame f = { .can_id = 0x123, .can_dlc = 4, .data = { 0xde, 0xad, 0xbe, 0xef } };
	CASE("write frame", write(s, &f, sizeof f));
	struct can_frame in;
	SAY("poll second socket: %s\n", readiness(r, POLLIN, 2000));
	show("read frame", &in, (int)read(r, &in, sizeof in));
	SAY("poll own socket (no RECV_OWN_MSGS): %s\n", readiness(s, POLLIN, 100));
	int on = 1;
	CASE("CAN_RAW_RECV_OWN_MSGS", setsockopt(s, SOL_CAN_RAW, CAN_RAW_RECV_OWN_MSGS, &on, sizeof on));
	f.can_id = 0x456;
	write(s, &f, sizeof f);
	struct sockaddr_can from;
	socklen_t fl = sizeof from;
	struct iovec iov = { &in, sizeof in };
	char ctl[64];
	struct msghdr m = { .msg_name = &from, .msg_namelen = fl, .msg_iov = &iov, .msg_iovlen = 1,
	                    .msg_control = ctl, .msg_controllen = sizeof ctl };
	int n = recvmsg(s, &m, 0);
	show("own frame", &in, n);
	SAY("own frame flags: MSG_CONFIRM %d, from vcan0 %d\n", !!(m.msg_flags & MSG_CONFIRM), from.can_ifindex == idx);
	read(r, &in, sizeof in);
	/* A filter that passes only 0x200..0x2ff. */
	struct can_filter flt = { .can_id = 0x200, .can_mask = 0x700 };
	CASE("CAN_RAW_FILTER", setsockopt(r, SOL_CAN_RAW, CAN_RAW_FILTER, &flt, sizeof flt));
	struct can_filter back[4];
	socklen_t bl = sizeof back;
	CASE("get CAN_RAW_FILTER", getsockopt(r, SOL_CAN_RAW, CAN_RAW_FILTER, back, &bl));
	SAY("filter back: len %u id 0x%x mask 0x%x\n", (unsigned)bl, back[0].can_id, back[0].can_mask);
	f.can_id = 0x111;
	write(s, &f, sizeof f);
	f.can_id = 0x2aa;
	write(s, &f, sizeof f);
	show("filtered read", &in, (int)read(r, &in, sizeof in));
	SAY("nothing else: %s\n", readiness(r, POLLIN, 100));
	can_err_mask_t em = CAN_ERR_MASK;
	CASE("CAN_RAW_ERR_FILTER", setsockopt(r, SOL_CAN_RAW, CAN_RAW_ERR_FILTER, &em, sizeof em));
	CASE("CAN_RAW_FD_FRAMES", setsockopt(s, SOL_CAN_RAW, CAN_RAW_FD_FRAMES, &on, sizeof on));
	struct canfd_frame fd = { .can_id = 0x321, .len = 12, .flags = CANFD_BRS };
	for (int i = 0; i < 12; i++)
		fd.data[i] = (unsigned char)i;
	int fdr = raw_on("vcan0");
	setsockopt(fdr, SOL_CAN_RAW, CAN_RAW_FD_FRAMES, &on, sizeof on);
	CASE("write CAN FD frame (vcan has FD MTU)", write(s, &fd, sizeof fd));
	struct canfd_frame fin;
	int fn = (int)read(fdr, &fin, sizeof fin);
	SAY("read CAN FD: %d id 0x%x len %d last %d\n", fn, fin.can_id, fin.len, fin.data[11]);
	CASE("write short frame", write(s, &f, 5));
	close(fdr);
	close(r);
	close(s);
	/* Errors. */
	s = socket(PF_CAN, SOCK_RAW, CAN_RAW);
	a.can_ifindex = 999999;
	CASE("bind missing ifindex", bind(s, (struct sockaddr *)&a, sizeof a));
	CASE("write unbound", write(s, &f, sizeof f));
	close(s);
	CASE("socket bad protocol", socket(PF_CAN, SOCK_RAW, 99));
	CASE("socket CAN stream", socket(PF_CAN, SOCK_STREAM, CAN_RAW));
	/* BCM is left out: struct bcm_msg_head holds struct bcm_timeval of two longs, 4 bytes
	   each in wasm32 and 8 on the host, and the kernel reads the host's layout. */
	/* ISO-TP: a 20-byte PDU over a pair of sockets. */
	int tx = socket(PF_CAN, SOCK_DGRAM, CAN_ISOTP), rx = socket(PF_CAN, SOCK_DGRAM, CAN_ISOTP);
	struct sockaddr_can ta = { .can_family = AF_CAN, .can_ifindex = idx }, ra = ta;
	ta.can_addr.tp.tx_id = 0x700;
	ta.can_addr.tp.rx_id = 0x701;
	ra.can_addr.tp.tx_id = 0x701;
	ra.can_addr.tp.rx_id = 0x700;
	CASE("isotp bind tx", bind(tx, (struct sockaddr *)&ta, sizeof ta));
	CASE("isotp bind rx", bind(rx, (struct sockaddr *)&ra, sizeof ra));
	unsigned char pdu[20], back20[64];
	for (int i = 0; i < 20; i++)
		pdu[i] = (unsigned char)(0xa0 + i);
	CASE("isotp send 20", write(tx, pdu, sizeof pdu));
	SAY("isotp rx poll: %s\n", readiness(rx, POLLIN, 2000));
	int bn = (int)read(rx, back20, sizeof back20);
	SAY("isotp recv: %d equal %d\n", bn, bn == 20 && !memcmp(pdu, back20, 20));
	struct can_isotp_options o;
	socklen_t ol = sizeof o;
	CASE("isotp get CAN_ISOTP_OPTS", getsockopt(tx, SOL_CAN_ISOTP, CAN_ISOTP_OPTS, &o, &ol));
	SAY("isotp opts len %u txpad 0x%x\n", (unsigned)ol, o.txpad_content);
	close(tx);
	close(rx);
	return conf_done();
}
