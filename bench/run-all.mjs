// Runs every benchmark in turn and prints their figures (the README's "Benchmarks" section is copied
// from this output). Needs root with bpftrace and strace for the tracer benchmark.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const steps = [
  ['tracer-overhead', [process.execPath, path.join(here, 'run.mjs'), 'tracer-overhead']],
  ['real-build', [process.execPath, path.join(here, 'run.mjs'), 'real-build']],
  ['store-throughput', [process.execPath, path.join(here, 'run.mjs'), 'store-throughput']],
  ['plan-resolution', [process.execPath, path.join(here, 'plan-resolution.mjs')]],
  ['triage', [process.execPath, path.join(here, 'run.mjs'), 'triage']],
  ['action-overhead', [process.execPath, path.join(here, 'run.mjs'), 'action-overhead']],
];
let failed = 0;
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`=== ${name} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
