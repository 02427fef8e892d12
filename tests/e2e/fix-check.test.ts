/**
 * The loop from finding to fixed config, end to end on the real Nx and Turborepo fixtures and a native
 * plan file: trace the build, `io-trace fix` prints the edits (writing nothing), `fix --write` applies
 * them keeping every byte outside the edit, `io-trace check` re-analyses the recorded trace against the
 * edited config and reports each fixed finding gone (without rebuilding), and a fresh traced build is
 * clean for those findings.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffChars } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFixture, removeWorkspace } from '../fixtures/install.js';
import { REPO, runCli } from '../helpers/cli.js';
import { rows, tracedRun, tracerAvailable, type TracedRun } from './helpers.js';

const bpf = await tracerAvailable('bpftrace');
if (!bpf.ok && process.env.CI) throw new Error(`bpftrace is required in CI: ${bpf.reason}`);
const it_ = it.skipIf(!bpf.ok);

interface FixJson {
  items: { n: number; finding: { task: string; type: string; path: string; otherTask?: string }; edits?: { file: string; path: (string | number)[] }[]; reason?: string }[];
  diff: string;
}
interface CheckJson {
  comparison: { state: 'fixed' | 'still-there' | 'new'; finding: { task: string; type: string; path: string; severity: string; otherTask?: string } }[];
  recorded: boolean;
}

const row = (f: { task: string; type: string; path: string; otherTask?: string }) => `${f.task} ${f.type} ${f.path}${f.otherTask ? ` ${f.otherTask}` : ''}`;

/** Every changed file differs from its original by insertions only. */
function onlyInsertions(before: Record<string, string>, ws: string): void {
  for (const [file, text] of Object.entries(before)) {
    const after = readFileSync(path.join(ws, file), 'utf8');
    const removed = diffChars(text, after).filter((p) => p.removed);
    expect(removed.map((p) => p.value), `${file}: bytes outside the edit changed`).toEqual([]);
  }
}

function snapshot(ws: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, readFileSync(path.join(ws, f), 'utf8')]));
}

/** The whole loop on one workspace; returns what each step said. */
async function loop(ws: string, command: string[], configFiles: string[]) {
  const first: TracedRun = await tracedRun(ws, command, 'bpftrace');
  const db = first.dbPath!;
  const original = snapshot(ws, configFiles);

  const dry = runCli(['fix', '--db', db], { cwd: ws });
  expect(dry.code, dry.stderr).toBe(0);
  expect(snapshot(ws, configFiles), 'fix without --write writes nothing').toEqual(original);
  const plan = JSON.parse(runCli(['fix', '--db', db, '--json'], { cwd: ws }).stdout) as FixJson;
  expect(plan.diff).toBe(dry.stdout);

  const write = runCli(['fix', '--db', db, '--write'], { cwd: ws });
  expect(write.code, write.stderr).toBe(0);
  onlyInsertions(original, ws);

  const check = runCli(['check', '--db', db, '--json'], { cwd: ws });
  const result = JSON.parse(check.stdout) as CheckJson;
  const fixedRows = plan.items.filter((i) => i.edits).map((i) => row(i.finding));
  const state = Object.fromEntries(result.comparison.map((c) => [row(c.finding), c.state]));
  for (const r of fixedRows) expect(state[r], `check on the recorded trace: ${r}`).toBe('fixed');
  expect(result.comparison.filter((c) => c.state === 'new').map((c) => row(c.finding))).toEqual([]);
  expect(result.recorded).toBe(true);
  // Errors the fixes did not address remain: check says so with its exit status.
  const remainingErrors = result.comparison.filter((c) => c.state !== 'fixed' && c.finding.severity === 'error');
  expect(check.code).toBe(remainingErrors.length ? 1 : 0);

  // The recorded run keeps its own findings.
  const findings = JSON.parse(runCli(['findings', '--db', db, '--json'], { cwd: ws }).stdout) as { findings: unknown[] };
  expect(findings.findings.length).toBe(first.report.findings.length);

  const second = await tracedRun(ws, command, 'bpftrace');
  expect(second.exit.code).toBe(0);
  const again = new Set(rows(second.report.findings));
  for (const r of fixedRows) expect(again.has(r), `a fresh traced build: ${r}`).toBe(false);
  return { first, plan, diff: dry.stdout, check: result, second };
}

describe('fix and check on the Nx fixture', () => {
  let ws: string;
  let out: Awaited<ReturnType<typeof loop>>;
  const CONFIG = ['nx.json', 'packages/lib/project.json', 'packages/app/package.json', 'packages/docs/package.json'];

  beforeAll(async () => {
    ws = installFixture('nx-workspace');
    if (bpf.ok) out = await loop(ws, ['npx', 'nx', 'run-many', '-t', 'build', 'lint', 'size', 'format', 'bundle', 'test', 'docs', '--skip-nx-cache', '--parallel=4'], CONFIG);
  }, 240_000);
  afterAll(() => removeWorkspace(ws));

  it_('edits the project that declares the field, keeping inherited and plugin-inferred values', () => {
    const lib = JSON.parse(readFileSync(path.join(ws, 'packages/lib/project.json'), 'utf8'));
    expect(lib.targets.lint.inputs).toContain('{workspaceRoot}/lint-rules.json');
    expect(lib.targets.size.dependsOn).toContain('build');
    // app:build's outputs came from targetDefaults.build: app's own list starts from the shared one.
    const app = JSON.parse(readFileSync(path.join(ws, 'packages/app/package.json'), 'utf8'));
    expect(app.nx.targets.build.outputs).toEqual(['{projectRoot}/dist', '{projectRoot}/build-info.json']);
    const nx = JSON.parse(readFileSync(path.join(ws, 'nx.json'), 'utf8'));
    expect(nx.targetDefaults.build.outputs).toEqual(['{projectRoot}/dist']);
    // docs:docs is inferred by a plugin: its inferred outputs stay in the list the fix writes.
    const docs = JSON.parse(readFileSync(path.join(ws, 'packages/docs/package.json'), 'utf8'));
    expect(docs.nx.targets.docs.outputs[0]).toBe('{projectRoot}/site');
    expect(docs.nx.targets.docs.outputs).toContain('{workspaceRoot}/packages/app/dist/meta.json');
  });

  it_('lists what it cannot fix safely, with the reason', () => {
    const left = out.plan.items.filter((i) => !i.edits);
    expect(left.find((i) => i.finding.type === 'overlapping_output')?.reason).toMatch(/decide which one owns it/);
    expect(left.find((i) => i.finding.type === 'missing_output')?.reason).toMatch(/cannot tell which/);
    expect(out.diff).toMatch(/^diff --git a\/nx\.json|^diff --git a\/packages\//m);
  });
});

describe('fix and check on the Turborepo fixture (turbo.json with comments, a package turbo.json)', () => {
  let ws: string;
  let out: Awaited<ReturnType<typeof loop>>;
  const CONFIG = ['turbo.json', 'packages/app/turbo.json'];

  beforeAll(async () => {
    ws = installFixture('turbo-workspace');
    const turbo = path.join(ws, 'turbo.json');
    const text = readFileSync(turbo, 'utf8').replace('  "tasks": {', '  // Shared task settings; lint reads the rules file.\n  "tasks": {');
    writeFileSync(turbo, text);
    if (bpf.ok) out = await loop(ws, ['npx', 'turbo', 'run', 'build', 'lint', 'size', 'format', 'bundle', 'test', 'docs', '--force'], CONFIG);
  }, 240_000);
  afterAll(() => removeWorkspace(ws));

  it_('edits turbo.json in place, keeping its comment', () => {
    const text = readFileSync(path.join(ws, 'turbo.json'), 'utf8');
    expect(text).toContain('// Shared task settings; lint reads the rules file.');
    expect(text).toMatch(/"inputs": \["src\/\*\*", "\$TURBO_ROOT\$\/tools\/fsops\.cjs", "\$TURBO_ROOT\$\/lint-rules\.json"\]/);
    expect(out.diff).toContain('diff --git a/turbo.json b/turbo.json');
  });

  it_('puts a package-specific path into that package turbo.json, not the entry every package shares', () => {
    // app#build writes build-info.json: app's own turbo.json gets build.outputs, starting from the root's.
    const app = JSON.parse(readFileSync(path.join(ws, 'packages/app/turbo.json'), 'utf8'));
    expect(app.tasks.build.outputs).toEqual(['dist/**', 'build-info.json']);
    const root = JSON.parse(readFileSync(path.join(ws, 'turbo.json'), 'utf8').replace(/^\s*\/\/.*$/m, ''));
    expect(root.tasks.build.outputs).toEqual(['dist/**']);
    // lib#format rewrites its own input; lib is the only package with a format task, so the root entry
    // is lib's alone: the file becomes an output there and stops being an input.
    expect(root.tasks.format.inputs).toEqual(['src/**', '$TURBO_ROOT$/tools/fsops.cjs', '!src/util.js']);
    expect(root.tasks.format.outputs).toEqual(['src/util.js']);
  });
});

describe('fix and check on a native plan file', () => {
  let ws: string;

  beforeAll(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'io-trace-fix-plan-'));
    cpSync(path.join(REPO, 'examples', 'basic'), ws, { recursive: true });
  });
  afterAll(() => removeWorkspace(ws));

  it_('adds the missing input and output to the plan file, and check confirms it', async () => {
    const out = await loop(ws, ['npm', 'run', 'build'], ['io-trace.plan.json']);
    expect(out.plan.items.filter((i) => i.edits).map((i) => row(i.finding)).sort()).toEqual([
      'app:build unexpected_write packages/app/build-info.json',
      'lib:build unexpected_read config/banner.txt',
    ]);
    expect(out.second.report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
