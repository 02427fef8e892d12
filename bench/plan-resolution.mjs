#!/usr/bin/env node
// Plan resolution time for a generated 50-project workspace, for Nx and for Turborepo separately.
// Reuses the fixtures' installed nx / turbo (tests/fixtures/install.ts installs them once, cached).
// Usage: node bench/plan-resolution.mjs [projects=50] [runs=3]     Target: at most 3 s each.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] ?? 50);
const RUNS = Number(process.argv[3] ?? 3);
const TARGET_MS = 3000;

// Node 20 cannot import TypeScript: bundle the modules under test (esbuild is a dev dependency).
async function load(entry) {
  const out = join(ROOT, 'node_modules', '.cache', 'io-trace-bench', entry.replace(/[/.]/g, '_') + '.mjs');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    packages: 'external',
    logLevel: 'error',
    // Modules that find files next to themselves keep their own location.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(ROOT, entry)).href) },
  });
  return import(pathToFileURL(out).href);
}

const { resolveNxPlan } = await load('src/plan/nx.ts');
const { resolveTurboPlan } = await load('src/plan/turbo.ts');
const { installedFixture } = await load('tests/fixtures/install.ts');
const log = { debug() {}, info() {}, warn: (m) => console.error(`warn: ${m}`), error: (m) => console.error(m) };

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** p0..p{N-1}; p{i} depends on p{i-1} and p{i-2}; each has src/ files and build/test targets. */
function generate(kind) {
  const ws = mkdtempSync(join(tmpdir(), `io-trace-bench-${kind}-`));
  const names = Array.from({ length: N }, (_, i) => `p${i}`);
  const deps = (i) => [i - 1, i - 2].filter((j) => j >= 0).map((j) => names[j]);
  write(join(ws, 'package.json'), JSON.stringify({ name: `bench-${kind}`, private: true, packageManager: 'npm@11.19.1', workspaces: ['packages/*'] }, null, 2));
  write(join(ws, '.gitignore'), 'node_modules\ndist\n.nx\n.turbo\n');
  for (const [i, name] of names.entries()) {
    const dir = join(ws, 'packages', name);
    for (let f = 0; f < 20; f++) write(join(dir, 'src', `m${f}.js`), `export const v${f} = ${i * 100 + f};\n`);
    write(join(dir, 'README.md'), `# ${name}\n`);
    const dependencies = Object.fromEntries(deps(i).map((d) => [d, '*']));
    const scripts = { build: 'node -e 0', test: 'node -e 0' };
    write(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, dependencies, scripts }, null, 2));
  }
  if (kind === 'nx') {
    write(
      join(ws, 'nx.json'),
      JSON.stringify({
        namedInputs: { default: ['{projectRoot}/**/*'], production: ['{projectRoot}/src/**/*'] },
        targetDefaults: {
          build: { dependsOn: ['^build'], inputs: ['production', '^production'], outputs: ['{projectRoot}/dist'], cache: true },
          test: { dependsOn: ['build'], inputs: ['default', { dependentTasksOutputFiles: '**/*.js' }], cache: true },
        },
      }),
    );
  } else {
    write(
      join(ws, 'turbo.json'),
      JSON.stringify({ tasks: { build: { dependsOn: ['^build'], inputs: ['src/**'], outputs: ['dist/**'] }, test: { dependsOn: ['build'] } } }, null, 2),
    );
  }
  // The installed tool, linked in; the workspace packages link to their own dirs as npm would.
  const installed = installedFixture(kind === 'nx' ? 'nx-workspace' : 'turbo-workspace');
  mkdirSync(join(ws, 'node_modules'));
  for (const pkg of kind === 'nx' ? ['nx', '@nx'] : ['turbo', '@turbo']) symlinkSync(join(installed, 'node_modules', pkg), join(ws, 'node_modules', pkg));
  for (const name of names) symlinkSync(`../packages/${name}`, join(ws, 'node_modules', name));
  return ws;
}

async function measure(kind, fn) {
  const ws = generate(kind);
  const times = [];
  let tasks = 0;
  try {
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const plan = await fn(ws);
      times.push(performance.now() - t);
      tasks = plan.tasks.length;
    }
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
  const best = Math.min(...times);
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  const cold = times[0];
  const verdict = cold <= TARGET_MS ? 'ok' : `OVER the ${TARGET_MS} ms target`;
  console.log(
    `${kind.padEnd(5)} ${N} projects, ${tasks} tasks: first (cold) ${cold.toFixed(0)} ms, median ${median.toFixed(0)} ms, ` +
      `best ${best.toFixed(0)} ms over ${RUNS} runs (${verdict})`,
  );
  return cold <= TARGET_MS;
}

const okNx = await measure('nx', (ws) => resolveNxPlan({ workspaceRoot: ws, targets: ['build', 'test'], log }));
const okTurbo = await measure('turbo', (ws) => resolveTurboPlan({ workspaceRoot: ws, tasks: ['build', 'test'], log }));
process.exitCode = okNx && okTurbo ? 0 : 1;
