// SPDX-License-Identifier: MIT
// A program using the entry points as the declarations describe them: it must compile
// with tsc --strict (tests/packaging/consumers.js typeCheck). Never run.
import socket, { AF_INET6, SOCK_DGRAM, SOL_SOCKET, SO_REUSEADDR, AF_UNIX, OSError, timeout,
  gaierror, ConnectionRefusedError, type IPv4Address, type Socket } from 'wasock';
import * as aio from 'wasock/promises';
import select, { POLLIN, EPOLLIN, EPOLLET, type PollEvent } from 'wasock/select';
import * as aselect from 'wasock/select/promises';
import * as selectors from 'wasock/selectors';
import { DefaultSelector, EVENT_READ, EVENT_WRITE, type SelectorKey } from 'wasock/selectors/promises';
import { init, inet_pton, inet_ntop, ip_network_contains, ip_address_info, AF_INET,
  encode_sockaddr, decode_sockaddr, OSError as InetOSError } from 'wasock/inet';

const af: 2 = socket.AF_INET;
const srv = socket.create_server(['127.0.0.1', 0]);
const [host, port]: IPv4Address = srv.getsockname();
const c = socket.create_connection([host, port], 0.5);
const [conn, addr] = srv.accept();
const peer: string = addr[0];
c.sendall(Buffer.from('hello'));
const data: Buffer = conn.recv(1024);
const n: number = c.send(new Uint8Array(3), socket.MSG_DONTWAIT);
c.settimeout(null);
const t: number | null = c.gettimeout();
conn.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
const opt: number = conn.getsockopt(SOL_SOCKET, SO_REUSEADDR);
const raw: Buffer = conn.getsockopt(SOL_SOCKET, SO_REUSEADDR, 4);

const u = socket.socket(AF_INET6, SOCK_DGRAM);
u.bind(['::1', 0]);
const [h6, p6, flowinfo, scope_id] = u.getsockname();
u.sendto(Buffer.from('x'), ['::1', p6]);
const [dgram, from] = u.recvfrom(100);
const fromPort: number = from[1];

const [a, b] = socket.socketpair();
const name: string | Uint8Array | null = a.getsockname();
const f = a.makefile('rb');
const line: Buffer = f.readline();
const tf = b.makefile('r', null, { encoding: 'utf-8' });
const text: string = tf.read();
const [msg, fds] = socket.recv_fds(a, 1024, 4);
socket.send_fds(b, [Buffer.from('x')], [0]);
const frame: Buffer = socket.can.pack_frame(0x123, Buffer.from([1, 2]));
const infos = socket.getaddrinfo('localhost', 80, AF_UNIX === 1 ? 0 : 0, socket.SOCK_STREAM);
for (const [family, type, proto, canonname, sockaddr] of infos) console.log(family, sockaddr[0]);

try {
  c.recv(1);
} catch (e) {
  if (e instanceof timeout) console.log(e.errno, e.code, e.strerror);
  else if (e instanceof gaierror) console.log(e.errno.toFixed(), e.code.length);
  else if (e instanceof ConnectionRefusedError) console.log(e.syscall);
  else if (e instanceof OSError) console.log(e.errno, e.code, e.syscall, e.strerror);
}
function closeAll(...socks: Socket[]): void { for (const s of socks) s.close(); }
closeAll(c, conn, srv, u, a, b);
{
  using d = socket.socket();
  d.fileno();
}

async function promiseFace(): Promise<void> {
  const server = await aio.create_server(['127.0.0.1', 0]);
  const client = await aio.create_connection(server.getsockname());
  const ac = new AbortController();
  for await (const [conn, addr] of server) {
    const chunk: Buffer = await conn.recv(1024, 0, { signal: ac.signal });
    await conn.sendall(chunk);
    for await (const piece of conn) piece.length;
    conn.close();
    console.log(addr[1]);
    break;
  }
  const sent: number = await client.send(Buffer.from('hi'));
  const ai: aio.AddrInfo[] = await aio.getaddrinfo('localhost', 'http');
  const syncFace: Socket<2 | 10> = client.sync;
  client.unref().ref();
  client.toStream().end();
  await using s = aio.socket(aio.AF_INET, aio.SOCK_DGRAM);
  await s.sendto(Buffer.from('x'), ['127.0.0.1', 9]);
  console.log(sent, ai, syncFace);
}

async function inetFace(): Promise<void> {
  await init();
  const packed: Uint8Array = inet_pton(AF_INET6, '::1');
  const back: string = inet_ntop(AF_INET6, packed);
  const inside: boolean = ip_network_contains('10.0.0.0/8', '10.1.2.3');
  const mapped: string | null = ip_address_info('::ffff:7f00:1').ipv4_mapped;
  const sa = encode_sockaddr(AF_INET, ['127.0.0.1', 80]);
  const [family, address] = decode_sockaddr(sa);
  try {
    inet_pton(AF_INET, 'nope');
  } catch (e) {
    if (e instanceof InetOSError) console.log(e.errno);
  }
  console.log(back, inside, mapped, family, address);
}

function selectFace(): void {
  const [a, b] = socket.socketpair();
  const [r, w, x]: [Socket<1>[], number[], never[]] = select.select([a], [b.fileno()], [], 0.5);
  const p = select.poll();
  p.register(a, POLLIN | select.POLLPRI);
  p.modify(a.fileno(), POLLIN);
  const events: PollEvent[] = p.poll(100);
  for (const [fd, mask] of events) console.log(fd.toFixed(), mask & POLLIN);
  p.unregister(a);
  using ep = new select.epoll();
  ep.register(b, EPOLLIN | EPOLLET);
  const ready: [fd: number, events: number][] = ep.poll(null, 8);
  const again = select.epoll.fromfd(ep.fileno());
  const closed: boolean = again.closed;
  const bit: 1 = select.EPOLLIN;
  try {
    p.unregister(99);
  } catch (e) {
    if (e instanceof select.KeyError) console.log(e.name);
    else if (e instanceof select.error) console.log(e.errno);
  }

  const sel = selectors.DefaultSelector<Socket<1>, (s: Socket<1>) => void>();
  const key: selectors.SelectorKey<Socket<1>, (s: Socket<1>) => void> =
    sel.register(a, selectors.EVENT_READ | selectors.EVENT_WRITE, (s) => s.recv(1));
  const [fileobj, fd] = key;
  for (const [k, mask] of sel.select(0)) if (mask & selectors.EVENT_READ) k.data(k.fileobj);
  sel.modify(a, selectors.EVENT_WRITE, () => {});
  const map = sel.get_map();
  if (map) for (const registered of map) console.log(registered.toFixed(), map.get(registered).events);
  sel.unregister(a);
  sel.close();
  const plain = new selectors.SelectSelector();
  plain.register(b.fileno(), selectors.EVENT_WRITE);
  const fds: number[] = plain.select(null).map(([k]) => k.fd);
  console.log(r, w, x, ready, closed, bit, fileobj, fd, fds, selectors.PollSelector().get_map()?.size);
}

async function selectPromises(): Promise<void> {
  const [a, b] = aio.socketpair();
  const af = a.makefile('rb');
  const aline: Buffer = await af.readline();
  for await (const l of b.makefile('r', { encoding: 'utf-8' })) { const t: string = l; }
  await af.close();
  const ac = new AbortController();
  const [r]: [aio.AsyncSocket<1>[], never[], never[]] = await aselect.select([a], [], [], null, { signal: ac.signal });
  const ep = aselect.epoll();
  ep.register(b, aselect.EPOLLIN);
  const events: aselect.PollEvent[] = await ep.poll(1, -1, { signal: ac.signal });
  ep.close();
  const p = aselect.poll();
  p.register(a);
  const pe = await p.poll(null, { signal: ac.signal });
  const sel = DefaultSelector<aio.AsyncSocket<1>>();
  sel.register(a, EVENT_READ, 'a');
  sel.register(b, EVENT_WRITE);
  const ready: [SelectorKey<aio.AsyncSocket<1>>, number][] = await sel.select(0.1, { signal: ac.signal });
  for (const [key, mask] of ready) await key.fileobj.recv(mask);
  sel.close();
  console.log(r, events, pe);
}

function enums(): void {
  const s = socket.socket();
  const fam: socket.AddressFamily = socket.AddressFamily(s.family);
  const name: keyof socket.AddressFamilyMembers = fam.name;
  const inet: 2 = socket.AddressFamily.AF_INET;
  const kind = socket.SocketKind(socket.SocketKind.SOCK_DGRAM);
  const flags: string | null = socket.MsgFlag(socket.MsgFlag.MSG_OOB | socket.MsgFlag.MSG_PEEK).name;
  const ai: number = aio.AddressInfo(socket.AI_PASSIVE).value;
  for (const member of socket.AddressFamily) console.log(member.name, +member);
  const same: boolean = fam === socket.AddressFamily(fam) && fam instanceof socket.AddressFamily;
  const t: number | null = s.timeout;
  const fd: number = socket.dup(s.fileno());
  using io = new socket.SocketIO(s, 'rw');
  const got: Buffer | null = io.read(10);
  const sent: number | null = io.write(Buffer.from('x'));
  const mode: 'rb' | 'wb' | 'rwb' = io.mode;
  using called = aio.SocketIO(aio.socket(), 'r');
  const isIO: boolean = called instanceof socket.SocketIO;
  console.log(name, inet, kind.value, flags, ai, same, t, fd, got, sent, mode, isIO,
    Object.keys(socket.MsgFlag.__members__), aio.socket().timeout);
}

console.log(af, peer, data, n, t, opt, raw, h6, flowinfo, scope_id, dgram, fromPort, name, line,
  text, msg, fds, frame, promiseFace, inetFace, selectFace, selectPromises, enums);
