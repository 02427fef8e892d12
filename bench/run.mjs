// Runs a TypeScript benchmark from bench/: bundles it with esbuild (the same way dist/ is built) and
// runs it under this Node. Usage: node bench/run.mjs store-throughput [args...]
import { build } from 'esbuild';
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
await build({
  entryPoints: [path.join(here, `${name}.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  loader: { '.bt': 'text' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
