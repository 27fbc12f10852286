// SPDX-License-Identifier: MIT
// `wasock run [options] prog.wasm [args...]`: the command line of the runner.
'use strict';
const path = require('node:path');

const USAGE = `usage: wasock run [options] prog.wasm [args...]

Runs a WASI program (wasm32-wasi, e.g. built with \`wasock cc\`) with real sockets.
Everything is denied unless a flag allows it; repeated flags add up.

  --allow-connect HOST:PORT[-PORT]  connect() to these addresses
  --allow-bind HOST:PORT[-PORT]     bind() to these addresses
  --allow-sendto HOST:PORT[-PORT]   sendto()/sendmsg() to these addresses
      HOST: IPv4 or [IPv6] address, CIDR (10.0.0.0/8), a name (resolved now), *,
      an interface name (CAN, packet), or an AF_UNIX path (/run/x.sock, /dir/, @abstract);
      the port part may be omitted (any port)
  --allow-family NAME[:QUAL]  create sockets of a family: inet, inet6, unix, can,
                              packet, netlink, ...; QUAL: tcp, udp or raw for inet and
                              inet6, a protocol for others (netlink:route, can:isotp)
  --allow-resolve             resolve names (numeric lookups need no flag)
  --allow-net                 all of the above, everything
  --dir HOST[:GUEST]          preopen a host directory (as GUEST in the guest)
  --env NAME[=VALUE]          pass an environment variable (the host's value if no =)
  --trace                     print every refusal and why, on stderr
`;

const VALUED = {
  '--allow-connect': 'connect', '--allow-bind': 'bind', '--allow-sendto': 'sendto',
  '--allow-family': 'family', '--dir': 'dir', '--env': 'env',
};

function fail(msg) {
  const e = new Error(msg);
  e.usage = true;
  return e;
}

/** argv (after `run`) -> { prog, args, policy, preopens, env, trace }. */
function parse(argv) {
  const policy = { connect: [], bind: [], sendto: [], family: [] };
  const preopens = {}, env = {};
  let trace = false;
  let i = 0;
  for (; i < argv.length; i++) {
    let a = argv[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('-')) break;
    if (a === '-h' || a === '--help') return { help: true };
    let value;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { value = a.slice(eq + 1); a = a.slice(0, eq); }
    if (a === '--allow-net') { policy.net = true; continue; }
    if (a === '--allow-resolve') { policy.resolve = true; continue; }
    if (a === '--trace') { trace = true; continue; }
    const key = VALUED[a];
    if (!key) throw fail(`unknown option ${a}`);
    if (value === undefined) {
      if (++i >= argv.length) throw fail(`${a} needs a value`);
      value = argv[i];
    }
    if (key === 'dir') {
      const c = value.indexOf(':');
      const host = c < 0 ? value : value.slice(0, c), guest = c < 0 ? value : value.slice(c + 1);
      if (!host || !guest) throw fail(`--dir ${value}: expected HOST[:GUEST]`);
      preopens[guest] = path.resolve(host);
    } else if (key === 'env') {
      const c = value.indexOf('=');
      if (c === 0 || value === '') throw fail(`--env ${value}: expected NAME[=VALUE]`);
      if (c > 0) env[value.slice(0, c)] = value.slice(c + 1);
      else if (process.env[value] !== undefined) env[value] = process.env[value];
    } else policy[key].push(value);
  }
  if (i >= argv.length) throw fail('no program given');
  return { prog: argv[i], args: argv.slice(i), policy, preopens, env, trace };
}

function main(argv) {
  let opts;
  try {
    opts = parse(argv);
  } catch (e) {
    process.stderr.write(`wasock run: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { run, Policy } = require('./runner');
  let mod, policy;
  try {
    policy = new Policy(opts.policy);
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  try {
    mod = new WebAssembly.Module(require('node:fs').readFileSync(opts.prog));
  } catch (e) {
    process.stderr.write(`wasock run: ${opts.prog}: ${e.code === 'ENOENT' ? 'no such file' : e.message}\n`);
    return 2;
  }
  try {
    return run(mod, {
      args: [path.basename(opts.args[0]), ...opts.args.slice(1)], env: opts.env,
      preopens: opts.preopens, policy, trace: opts.trace, quiet: true,
    });
  } catch (e) {
    if (e instanceof WebAssembly.LinkError) {
      process.stderr.write(`wasock run: ${opts.prog} needs an import the runner does not offer: ${e.message}\n`);
      return 2;
    }
    // Traps, stack exhaustion and a memory the engine cannot grow end the guest alone.
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      process.stderr.write(`wasock run: ${opts.prog} trapped: ${e.message}\n`);
      return 134;
    }
    // Not a command (no _start, no exported memory) and the like.
    if (e instanceof TypeError) {
      process.stderr.write(`wasock run: ${opts.prog}: ${e.message.replace(/^wasock run: /, '')}\n`);
      return 2;
    }
    throw e;
  }
}

module.exports = { main, parse, USAGE };
