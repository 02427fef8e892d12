// Runs a TypeScript benchmark from bench/: bundles it with esbuild (the same way dist/ is built) and
// runs it under this Node. Usage: node bench/run.mjs store-throughput [args...]
import { build } from 'esbuild';
import { nodeBundleOptions } from '../scripts/esbuild-options.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node bench/run.mjs <benchmark> [args...]   (benchmarks: bench/*.ts)');
  process.exit(2);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const outdir = path.join(here, '.build');
mkdirSync(outdir, { recursive: true });
const outfile = path.join(outdir, `${name}.mjs`);
await build({ ...nodeBundleOptions, entryPoints: [path.join(here, `${name}.ts`)], outfile });
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
