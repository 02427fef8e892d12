// `npm run example`: traces the bundled example workspace (examples/basic) and prints its findings.
// On a fresh Debian/Ubuntu machine, as root, it first installs what tracing needs, the same steps
// .ci/run takes: bpftrace and strace from apt, tracefs mounted. Without root it runs io-trace as is
// (it falls back to strace or to an untraced run, and says so).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;

if (isRoot && process.platform === 'linux') {
  const missing = ['bpftrace', 'strace'].filter((t) => !has(t));
  if (missing.length && has('apt-get')) {
    console.error(`example: installing ${missing.join(' ')} with apt-get (needed to trace)`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync('/sys/kernel/tracing/events') && spawnSync('mount', ['-t', 'tracefs', 'nodev', '/sys/kernel/tracing'], { stdio: 'inherit' }).status !== 0) {
    console.error('example: could not mount tracefs at /sys/kernel/tracing; bpftrace will be unavailable');
  }
}

const r = spawnSync(
  process.execPath,
  [path.join(repo, 'bin/io-trace.js'), 'run', '--plan', 'examples/basic/io-trace.plan.json', '--', 'npm', 'run', 'build', '--prefix', 'examples/basic'],
  { cwd: repo, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
