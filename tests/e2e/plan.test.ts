/**
 * `io-trace plan` on the real fixture workspaces (dist/ under Node 24): the seed it writes loads back
 * through loadPlanFile to the same tasks the nx / turbo plan source resolved.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/logger.js';
import { loadPlanFile } from '../../src/plan/file.js';
import { resolvePlan } from '../../src/plan/resolve.js';
import type { Plan } from '../../src/plan/types.js';
import { installFixture, removeWorkspace, type FixtureName } from '../fixtures/install.js';
import { runCli } from '../helpers/cli.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** What the plan file format carries (identities and source locations are not part of it). */
const portable = (plan: Plan) =>
  plan.tasks.map((t) => ({
    id: t.id,
    project: t.project,
    target: t.target,
    configuration: t.configuration,
    projectRoot: t.projectRoot,
    inputs: t.inputs,
    nonFileInputs: t.nonFileInputs?.length ? t.nonFileInputs : undefined,
    outputs: t.outputs,
    dependsOn: t.dependsOn,
  }));

const CASES: [FixtureName, string[]][] = [
  ['nx-workspace', ['npx', 'nx', 'run-many', '-t', 'build', 'lint', 'size', 'format', 'bundle', 'test', 'docs', '--skip-nx-cache']],
  ['turbo-workspace', ['npx', 'turbo', 'run', 'build', 'lint', 'size', 'format', 'bundle', 'test', 'docs', '--force']],
];

describe.each(CASES)('io-trace plan on %s', (fixture, command) => {
  let ws: string;
  beforeAll(() => {
    ws = installFixture(fixture);
  });
  afterAll(() => removeWorkspace(ws));

  it('writes a seed plan file that loads back to the resolved tasks, and round-trips unchanged', async () => {
    const r = runCli(['plan', '--out', 'seed/plan.json', '--', ...command], { cwd: ws });
    expect(r.stderr).toMatch(/wrote 8 task\(s\) to seed\/plan.json/);
    expect(r.code).toBe(0);
    const file = path.join(ws, 'seed', 'plan.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.version).toBe(1);
    expect(doc.workspaceRoot).toBe('..');
    const expected = await resolvePlan({ spec: 'auto', cwd: ws, command, log: quiet });
    const loaded = loadPlanFile(file);
    expect(loaded.workspaceRoot).toBe(expected.workspaceRoot);
    expect(portable(loaded)).toEqual(portable(expected));

    // A plan file as the source: printed again, the same document (workspaceRoot relative to cwd).
    const again = runCli(['plan', '--plan', 'seed/plan.json'], { cwd: ws });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ ...doc, workspaceRoot: '.' });
  });

  it('prints the full resolved plan with --format json', () => {
    const r = runCli(['plan', '--format', 'json', '--', ...command], { cwd: ws });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as Plan;
    expect(plan.source).toBe(fixture === 'nx-workspace' ? 'nx' : 'turbo');
    expect(plan.tasks).toHaveLength(8);
    const lint = plan.tasks.find((t) => t.id === (fixture === 'nx-workspace' ? 'lib:lint' : 'lib#lint'))!;
    expect(lint.identity).toBeDefined();
    expect(lint.declaredAt?.inputs?.file).toBe(fixture === 'nx-workspace' ? 'packages/lib/project.json' : 'turbo.json');
  });

  it('takes --tasks when there is no command, and rejects an unknown --format', () => {
    const r = runCli(['plan', '--tasks', 'lint'], { cwd: ws });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks.map((t: { id: string }) => t.id)).toEqual([fixture === 'nx-workspace' ? 'lib:lint' : 'lib#lint']);
    const bad = runCli(['plan', '--format', 'yaml', '--tasks', 'lint'], { cwd: ws });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format "yaml": use one of seed, json');
  });
});
