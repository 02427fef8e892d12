// Builds dist/ from src/ with esbuild. dist/ is committed (the GitHub Action runs it without
// installing) and CI rebuilds it from clean and fails if it differs: run `npm run build` after
// changing src/ and commit both.
import { build } from 'esbuild';
import { rmSync, readFileSync } from 'node:fs';
import { nodeBundleOptions } from './esbuild-options.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const common = nodeBundleOptions;
await build({ ...common, entryPoints: { cli: 'src/cli/index.ts' }, outdir: 'dist' });
// Run by src/plan/nx.ts in a child process against the workspace's own nx.
await build({ ...common, entryPoints: { 'nx-child': 'src/plan/nx-child.ts' }, outdir: 'dist' });
// The GitHub Action (action.yml runs dist/action/main.js, then dist/action/post.js); it starts dist/cli.js.
await build({ ...common, entryPoints: { pre: 'src/action/entry-pre.ts', main: 'src/action/entry-main.ts', post: 'src/action/entry-post.ts' }, outdir: 'dist/action' });
console.log(`built dist/ for io-trace ${pkg.version}`);
