import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite.js';
import { defaultTracers } from '../../src/tracer/registry.js';
import { startArtifactFake, unzip, type ArtifactFake } from '../helpers/github-fake-artifact.js';
import { startGitHubFake, type GitHubFake } from '../helpers/github-fake.js';
import { HEAD_SHA, makeRunner, readFileCommands, runEntry, workflowCommands, type Runner } from './runner.js';

/**
 * Aggregate mode end to end: two matrix legs run the bundled action in run mode (each uploads its
 * artifact to the loopback artifact service), then a final job runs it in aggregate mode, which lists
 * and downloads both artifacts, merges them and posts one check run.
 */

const TRACED = defaultTracers().length > 0;
const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';

let root: string;
let gh: GitHubFake;
let art: ArtifactFake;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'io-trace-aggregate-'));
});
afterAll(() => (process.env.IO_TRACE_KEEP_TMP ? undefined : rmSync(root, { recursive: true, force: true })));
afterEach(async () => {
  await gh?.close();
  await art?.close();
});

/** A job of the workflow run: its own runner directory, job name and runtime token, the shared fakes. */
function job(name: string, jobBackendId: string, inputs: Record<string, string>): { runner: Runner; env: NodeJS.ProcessEnv } {
  const runner = makeRunner(path.join(root, name), {
    github: gh,
    artifact: art,
    inputs: { 'github-token': TOKEN, 'install-bpftrace': 'false', ...inputs },
  });
  return { runner, env: { GITHUB_JOB: name, ACTIONS_RUNTIME_TOKEN: art.tokenForJob(jobBackendId) } };
}

function countRuns(dbFile: string): number {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('the GitHub Action in aggregate mode', () => {
  it('merges the artifacts of two traced legs into one database and posts one combined check run', async () => {
    gh = await startGitHubFake();
    art = await startArtifactFake();
    const legs = [
      job('build-linux', '0a000000-0000-4000-8000-000000000001', { run: 'npm run build', 'working-directory': 'examples/basic', 'artifact-name': 'io-trace-linux', 'check-name': 'io-trace (linux)' }),
      job('build-other', '0a000000-0000-4000-8000-000000000002', { run: 'npm run build', 'working-directory': 'examples/basic', 'artifact-name': 'io-trace-other', 'check-name': 'io-trace (other)' }),
    ];
    const legIssues: number[] = [];
    for (const leg of legs) {
      const main = await runEntry('main', leg.runner, { extraEnv: leg.env });
      expect(main.code, main.stdout + main.stderr).toBe(0);
      legIssues.push(Number(readFileCommands(leg.runner.files.output).issues));
      const post = await runEntry('post', leg.runner, { extraEnv: leg.env });
      expect(post.code, post.stdout + post.stderr).toBe(0);
    }
    expect(art.artifacts.filter((a) => a.finalize).map((a) => a.name).sort()).toEqual(['io-trace-linux', 'io-trace-other']);
    if (TRACED) expect(legIssues.every((n) => n > 0)).toBe(true);
    const checksBefore = gh.calls.filter((c) => c.operationId === 'checks/create').length;

    const agg = job('aggregate', '0a000000-0000-4000-8000-00000000000a', { mode: 'aggregate', comment: 'true' });
    const main = await runEntry('main', agg.runner, { extraEnv: agg.env });
    expect(main.code, main.stdout + main.stderr).toBe(0);
    expect(workflowCommands(main.stdout).filter((c) => c.command === 'warning' || c.command === 'error')).toEqual([]);
    expect(gh.problems(), JSON.stringify(gh.problems(), null, 1)).toEqual([]);
    // Downloads went through the twirp list / signed URL endpoints and a blob GET per artifact.
    const twirp = (m: string) => art.requests.filter((r) => r.path.endsWith(`.ArtifactService/${m}`) && r.status === 200).length;
    expect(twirp('ListArtifacts')).toBe(3); // the listing, then one by id_filter per download
    expect(twirp('GetSignedArtifactURL')).toBe(2);
    expect(art.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/blob/') && r.status === 200)).toHaveLength(2);

    const outputs = readFileCommands(agg.runner.files.output);
    const total = legIssues[0] + legIssues[1];
    expect(outputs).toMatchObject({ status: TRACED ? 'issues' : 'not-traced', issues: String(total) });
    expect(countRuns(outputs['db-path'])).toBe(2);
    const report = JSON.parse(readFileSync(outputs['report-path'], 'utf8'));
    expect(report.kind).toBe('merged');
    expect(report.runs).toHaveLength(2);
    expect(report.sources.map((s: { source: string }) => s.source)).toEqual(['io-trace-linux', 'io-trace-other']);

    // Exactly one new check run: the combined one, on the PR head, counting both legs' findings.
    const creates = gh.calls.filter((c) => c.operationId === 'checks/create').slice(checksBefore);
    expect(creates).toHaveLength(1);
    const body = creates[0].body as { name: string; head_sha: string; output: { title: string; summary: string } };
    expect(body).toMatchObject({ name: 'io-trace', head_sha: HEAD_SHA });
    expect(body.output.summary).toContain('io-trace-linux');
    expect(body.output.summary).toContain('io-trace-other');
    const check = [...gh.checkRuns.values()].find((c) => c.name === 'io-trace')!;
    if (TRACED) {
      const counts = report.counts as { error: number; warning: number };
      expect(counts.error + counts.warning).toBe(total);
      expect(body.output.summary).toContain(`**${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}`);
      expect(check.annotations.length).toBeGreaterThan(0);
      // Each leg ran in another runner's checkout: the annotation paths are still repository-relative.
      expect(check.annotations.every((a) => a.path === 'examples/basic/io-trace.plan.json')).toBe(true);
    }
    expect(readFileSync(agg.runner.files.summary, 'utf8')).toContain('## io-trace:');
    expect(gh.comments).toHaveLength(1);

    // The post step uploads the merged database as the aggregating job's artifact.
    const post = await runEntry('post', agg.runner, { extraEnv: agg.env });
    expect(post.code, post.stdout + post.stderr).toBe(0);
    const merged = art.artifacts.find((a) => a.name === 'io-trace-aggregate');
    expect(merged?.finalize).toBeTruthy();
    const file = path.join(root, 'uploaded-merged.db');
    writeFileSync(file, unzip(merged!.bytes!).get('trace.db')!);
    expect(countRuns(file)).toBe(2);
  });

  it('with no artifacts to combine: a warning, status not-traced, a neutral check run, the step passes', async () => {
    gh = await startGitHubFake();
    art = await startArtifactFake();
    const agg = job('aggregate', '0a000000-0000-4000-8000-00000000000b', { mode: 'aggregate' });
    const main = await runEntry('main', agg.runner, { extraEnv: agg.env });
    expect(main.code, main.stdout + main.stderr).toBe(0);
    const warnings = workflowCommands(main.stdout).filter((c) => c.command === 'warning');
    expect(warnings.some((w) => w.line.includes('no io-trace trace databases found'))).toBe(true);
    expect(readFileCommands(agg.runner.files.output)).toMatchObject({ status: 'not-traced', issues: '0', 'db-path': '' });
    expect(gh.calls.find((c) => c.operationId === 'checks/create')?.body).toMatchObject({ conclusion: 'neutral', output: { title: 'Not traced' } });
    expect(gh.problems()).toEqual([]);
  });
});
