import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite.js';
import { defaultTracers } from '../../src/tracer/registry.js';
import { startArtifactFake, unzip, type ArtifactFake } from '../helpers/github-fake-artifact.js';
import { startGitHubFake, type GitHubFake } from '../helpers/github-fake.js';
import { HEAD_SHA, makeRunner, pullRequestEvent, readFileCommands, runEntry, workflowCommands, type Runner } from './runner.js';
import { REPO } from '../helpers/cli.js';
import { readStandbyRecord, standbyAlive } from '../../src/tracer/standby.js';

async function until(what: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!what() && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
}

/**
 * The bundled action (dist/action/main.js + post.js) under Node 24 in a runner-like environment,
 * against loopback GitHub REST and artifact servers, tracing examples/basic.
 */

// Tracer backends are registered by src/tracer/registry.ts; until they are, runs are "not traced"
// and the assertions on findings and annotations below switch to what an untraced run must show.
const TRACED = defaultTracers().length > 0;
const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const REDACTED = 'hunter2-very-secret';

let root: string;
let gh: GitHubFake;
let art: ArtifactFake;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'io-trace-action-'));
});
afterAll(() => (process.env.IO_TRACE_KEEP_TMP ? undefined : rmSync(root, { recursive: true, force: true })));
afterEach(async () => {
  await gh?.close();
  await art?.close();
});

let n = 0;
async function setup(inputs: Record<string, string>, o: { fork?: boolean; checksStatus?: number; commentsStatus?: number } = {}): Promise<Runner> {
  gh = await startGitHubFake({ ...(o.checksStatus ? { checksStatus: o.checksStatus } : {}), ...(o.commentsStatus ? { commentsStatus: o.commentsStatus } : {}) });
  art = await startArtifactFake();
  return makeRunner(path.join(root, String(++n)), {
    github: gh,
    artifact: art,
    event: pullRequestEvent({ fork: o.fork ?? false }),
    inputs: { 'working-directory': 'examples/basic', 'github-token': TOKEN, 'max-annotations': '50', 'install-bpftrace': 'false', ...inputs },
  });
}

function summaryOf(r: Runner): string {
  return readFileSync(r.files.summary, 'utf8');
}

/** The uploaded artifact's files. */
function uploaded(name = 'io-trace-build'): Map<string, Buffer> {
  const a = art.artifacts.find((x) => x.name === name);
  expect(a?.finalize, `artifact ${name} finalized`).toBeTruthy();
  return unzip(a!.bytes!);
}

function openUploadedDb(files: Map<string, Buffer>) {
  const file = path.join(root, `uploaded-${++n}.db`);
  writeFileSync(file, files.get('trace.db')!);
  return openDatabase(file, { readonly: true });
}

describe('the GitHub Action (dist/action under Node 24)', () => {
  it('on a PR: check run on the head sha with annotations, sticky comment created then updated in place, summary, outputs, SARIF, artifact', async () => {
    const r = await setup({ run: 'npm run build', comment: 'true', sarif: 'out/io-trace.sarif', redact: REDACTED, 'retention-days': '5' });
    const main = await runEntry('main', r);
    expect(main.code, main.stdout + main.stderr).toBe(0);
    expect(gh.problems(), JSON.stringify(gh.problems(), null, 1)).toEqual([]);

    const outputs = readFileCommands(r.files.output);
    expect(outputs, readFileSync(outputs['report-path'], 'utf8').slice(0, 3000)).toMatchObject({ status: TRACED ? 'issues' : 'not-traced', 'exit-code': '0', 'sarif-path': path.join(r.workspace, 'out/io-trace.sarif') });
    const report = JSON.parse(readFileSync(outputs['report-path'], 'utf8'));
    expect(report.run.command).toEqual(['npm', 'run', 'build']);

    const creates = gh.calls.filter((c) => c.operationId === 'checks/create');
    expect(creates).toHaveLength(1);
    expect(creates[0].body).toMatchObject({ name: 'io-trace', head_sha: HEAD_SHA, status: 'completed', conclusion: TRACED ? 'neutral' : 'neutral' });
    expect(creates[0].authorization).toBe(`token ${TOKEN}`);
    const run = [...gh.checkRuns.values()][0];
    if (TRACED) {
      expect(outputs.issues).not.toBe('0');
      expect(run.annotations.length).toBeGreaterThan(0);
      expect(run.annotations.every((a) => a.path === 'examples/basic/io-trace.plan.json')).toBe(true);
      expect(summaryOf(r)).toContain('config/banner.txt');
      // The edits that fix the findings: in the summary as a diff, uploaded as a patch, pointed at by the comment.
      expect(summaryOf(r)).toMatch(/### Suggested edits \(2 findings\)\n\n<pre lang="diff">diff --git a\/examples\/basic\/io-trace\.plan\.json b\/examples\/basic\/io-trace\.plan\.json\n/);
      expect(summaryOf(r)).toContain('+      &quot;inputs&quot;: [&quot;{projectRoot}/src/**&quot;, &quot;{projectRoot}/build.mjs&quot;, &quot;config/banner.txt&quot;],');
    } else {
      expect(run.annotations).toEqual([]);
      expect(summaryOf(r)).toContain('not traced');
    }
    expect(summaryOf(r)).toContain('## io\\-trace:'.replace('\\-', '-'));
    expect(JSON.parse(readFileSync(path.join(r.workspace, 'out/io-trace.sarif'), 'utf8')).version).toBe('2.1.0');

    expect(gh.comments).toHaveLength(1);
    const firstComment = gh.comments[0];
    expect(firstComment.body).toMatch(/^<!-- io-trace:sticky-comment:io-trace -->/);
    if (TRACED) expect(firstComment.body).toContain('has edits for 2 findings (diff in the job summary). To apply: download the');

    // A second run on the same PR edits the comment instead of adding one.
    const again = await runEntry('main', r);
    expect(again.code).toBe(0);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0].id).toBe(firstComment.id);
    expect(gh.calls.filter((c) => c.operationId === 'issues/update-comment')).toHaveLength(1);
    expect(gh.calls.filter((c) => c.operationId === 'issues/create-comment')).toHaveLength(1);
    expect(gh.problems()).toEqual([]);

    const post = await runEntry('post', r);
    expect(post.code).toBe(0);
    const files = uploaded();
    const days = (Date.parse(String(art.artifacts[0].create.expires_at)) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(4);
    expect(days).toBeLessThanOrEqual(5);
    expect([...files.keys()].sort()).toEqual([...(TRACED ? ['io-trace.patch'] : []), 'io-trace.sarif', 'report.json', 'stderr.log', 'output.log', 'stdout.log', 'trace.db'].sort());
    if (TRACED) {
      // The uploaded patch applies with git at the repository root.
      const repo = mkdtempSync(path.join(os.tmpdir(), 'io-trace-apply-'));
      cpSync(path.join(REPO, 'examples'), path.join(repo, 'examples'), { recursive: true });
      writeFileSync(path.join(repo, 'io-trace.patch'), files.get('io-trace.patch')!);
      execFileSync('git', ['apply', '--check', 'io-trace.patch'], { cwd: repo });
      rmSync(repo, { recursive: true, force: true });
    }
    expect(files.get('stdout.log')!.toString()).toContain('> lib:build');
    const db = openUploadedDb(files);
    const runs = db.prepare('SELECT command, tracer, exit_code FROM runs').all() as { command: string; tracer: string; exit_code: number }[];
    db.close();
    expect(runs).toEqual([{ command: JSON.stringify(['npm', 'run', 'build']), tracer: TRACED ? expect.any(String) : 'none', exit_code: 0 }]);
  });

  it('a clean run: success conclusion when traced, outputs say so', async () => {
    const r = await setup({ run: 'npm run build', plan: 'clean.plan.json', 'fail-on': 'warning' });
    const plan = JSON.parse(readFileSync(path.join(r.workspace, 'examples/basic/io-trace.plan.json'), 'utf8'));
    // Declare what the example really does: lib reads the banner, app writes build-info.json, no types/ output, no docs input.
    plan.tasks[0].inputs.push('config/banner.txt');
    plan.tasks[1].outputs = ['{projectRoot}/dist', '{projectRoot}/build-info.json'];
    plan.tasks[1].inputs = plan.tasks[1].inputs.filter((i: unknown) => i !== '{projectRoot}/docs/**');
    writeFileSync(path.join(r.workspace, 'examples/basic/clean.plan.json'), JSON.stringify(plan, null, 2));
    const main = await runEntry('main', r);
    expect(main.code, main.stdout).toBe(0);
    const outputs = readFileCommands(r.files.output);
    expect(outputs.issues).toBe('0');
    expect(outputs.status).toBe(TRACED ? 'clean' : 'not-traced');
    expect(gh.calls.find((c) => c.operationId === 'checks/create')?.body).toMatchObject({ conclusion: TRACED ? 'success' : 'neutral' });
    expect(gh.calls.some((c) => c.operationId?.includes('comment'))).toBe(false); // comment is off by default
  });

  it('a fork PR: 403 on checks and comments are warnings, the summary still appears, the step passes', async () => {
    const r = await setup({ run: 'npm run build', comment: 'true' }, { fork: true, checksStatus: 403, commentsStatus: 403 });
    const main = await runEntry('main', r);
    expect(main.code, main.stdout).toBe(0);
    const warnings = workflowCommands(main.stdout).filter((c) => c.command === 'warning').map((c) => c.line);
    expect(warnings.some((w) => w.includes('could not create the check run (HTTP 403): this pull request comes from a fork'))).toBe(true);
    expect(warnings.some((w) => w.includes('could not comment on the pull request (HTTP 403)'))).toBe(true);
    expect(workflowCommands(main.stdout).some((c) => c.command === 'error')).toBe(false);
    expect(summaryOf(r)).toContain('## io-trace:');
    expect(gh.problems()).toEqual([]);
  });

  it('the pre step starts a standby bpftrace that the main step adopts; the post step stops one nobody used', async () => {
    const r = await setup({ run: 'npm run build', tracer: 'bpftrace' });
    const pre = await runEntry('pre', r);
    expect(pre.code, pre.stdout + pre.stderr).toBe(0);
    expect(pre.stdout).toContain('compiles and attaches in the background');
    const dir = readFileCommands(r.files.state).standby;
    expect(dir).toBe(path.join(r.env.RUNNER_TEMP!, 'io-trace-standby'));
    const record = readStandbyRecord(dir);
    expect(standbyAlive(record)).toBe(true);
    const main = await runEntry('main', r);
    expect(main.code, main.stdout).toBe(0);
    expect(main.stdout).toContain('using the standby tracer');
    // The standby loaded the real script: the set-up's bpftrace self-test is skipped.
    expect(main.stdout).not.toContain('bpftrace self-test');
    const report = JSON.parse(readFileSync(readFileCommands(r.files.output)['report-path'], 'utf8'));
    expect(report.incompleteReasons, main.stdout).toEqual([]);
    expect(report.findings.map((f: { task: string; type: string; path: string }) => `${f.task} ${f.type} ${f.path}`)).toContain('lib:build unexpected_read config/banner.txt');
    expect(existsSync(dir)).toBe(false);
    const post = await runEntry('post', r);
    expect(post.stdout).not.toContain('stopped the standby tracer');
    await until(() => !standbyAlive(record), 15_000);
    expect(standbyAlive(record)).toBe(false);

    // A job whose main step never ran: the post step stops the standby.
    const r2 = await setup({ run: 'npm run build', tracer: 'bpftrace' });
    expect((await runEntry('pre', r2)).code).toBe(0);
    const dir2 = readFileCommands(r2.files.state).standby;
    const record2 = readStandbyRecord(dir2);
    const post2 = await runEntry('post', r2);
    expect(post2.stdout).toContain('stopped the standby tracer no run used');
    expect(existsSync(dir2)).toBe(false);
    await until(() => !standbyAlive(record2), 15_000);
    expect(standbyAlive(record2)).toBe(false);
  });

  it('the pre step starts nothing when the tracer is strace or early-tracer is false', async () => {
    for (const inputs of [{ tracer: 'strace' }, { 'early-tracer': 'false' }] as Record<string, string>[]) {
      const r = await setup({ run: 'npm run build', ...inputs });
      const pre = await runEntry('pre', r);
      expect(pre.code).toBe(0);
      expect(readFileCommands(r.files.state).standby).toBeUndefined();
      expect(existsSync(path.join(r.env.RUNNER_TEMP!, 'io-trace-standby'))).toBe(false);
    }
  });

  it('a failing build fails the step with its exit code, and everything is still reported and uploaded', async () => {
    const r = await setup({ run: 'npm run build\necho "build broke" >&2\nexit 3', 'fail-on': 'none' });
    const main = await runEntry('main', r);
    expect(main.code).toBe(1);
    expect(workflowCommands(main.stdout)).toContainEqual({ command: 'error', line: '::error::the build failed with exit code 3' });
    expect(readFileCommands(r.files.output)['exit-code']).toBe('3');
    expect(summaryOf(r)).toContain('The build exited with 3');
    expect(gh.checkRuns.size).toBe(1);
    await runEntry('post', r);
    expect(uploaded().get('stderr.log')!.toString()).toContain('build broke');
  });

  it('a cancelled build: SIGINT stops the build and the tracer, the report is written, the post step uploads what was recorded', async () => {
    const r = await setup({ run: 'echo started-build\nsleep 60\necho never' });
    let sent = false;
    const main = await runEntry('main', r, {
      onStdout: (out, kill) => {
        if (!sent && out.includes('started-build\n')) {
          sent = true;
          kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(main.ms).toBeLessThan(30_000);
    expect(main.code).toBe(1);
    expect(workflowCommands(main.stdout).find((c) => c.command === 'error')?.line).toMatch(/::error::the build was (cancelled \(SIGINT\)|killed by SIGINT)/);
    const report = JSON.parse(readFileSync(readFileCommands(r.files.output)['report-path'], 'utf8'));
    expect(report.status).not.toBe('clean');
    expect(summaryOf(r)).toContain('was killed by SIGINT');
    const post = await runEntry('post', r);
    expect(post.code).toBe(0);
    const files = uploaded();
    expect(files.get('stdout.log')!.toString()).toBe('started-build\n');
    const db = openUploadedDb(files);
    expect(db.prepare('SELECT signal FROM runs').get()).toEqual({ signal: 'SIGINT' });
    db.close();
  });

  it('a main step killed outright (no chance to report): the post step uploads what was recorded and says so in the summary', async () => {
    const r = await setup({ run: 'echo started-build\nsleep 2' });
    let killed = false;
    const main = await runEntry('main', r, {
      onStdout: (out, kill) => {
        if (!killed && out.includes('started-build\n')) {
          killed = true;
          kill('SIGKILL');
        }
      },
    });
    expect(main.signal).toBe('SIGKILL');
    // io-trace, orphaned, finishes the 2 s build on its own; wait for its report before the post step.
    const plan = JSON.parse(readFileCommands(r.files.state).artifact) as { outDir: string };
    for (let i = 0; i < 150 && !existsSync(path.join(plan.outDir, 'report.json')); i++) await new Promise((res) => setTimeout(res, 100));
    const post = await runEntry('post', r);
    expect(post.code).toBe(0);
    expect(summaryOf(r)).toContain('the build step did not finish');
    expect(uploaded().get('stdout.log')!.toString()).toBe('started-build\n');
  });

  it('a tracer that cannot start: the build runs untraced with the reason; require-trace turns that into a failure', async () => {
    const r = await setup({ run: 'npm run build', tracer: 'bpftrace' });
    // A bpftrace that exists but cannot load programs (as in a container without CAP_BPF).
    const bin = path.join(r.root, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'bpftrace'), '#!/bin/sh\ncase "$1" in --version) echo "bpftrace v0.20.2";; *) echo "ERROR: Could not load BPF program: Operation not permitted" >&2; exit 1;; esac\n');
    chmodSync(path.join(bin, 'bpftrace'), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH}` };
    const main = await runEntry('main', r, { extraEnv: env });
    expect(main.code, main.stdout).toBe(0);
    const reason = TRACED ? 'cannot load BPF programs here: ERROR: Could not load BPF program: Operation not permitted' : 'this io-trace build has no bpftrace backend';
    expect(workflowCommands(main.stdout).filter((c) => c.command === 'warning').map((c) => c.line).join('\n')).toContain(reason);
    expect(readFileCommands(r.files.output)).toMatchObject({ status: 'not-traced', tracer: 'none', 'exit-code': '0' });
    expect(summaryOf(r)).toContain(reason.replace(/-/g, '-'));

    const strict = await runEntry('main', { ...r, env: { ...r.env, 'INPUT_REQUIRE-TRACE': 'true' } }, { extraEnv: env });
    expect(strict.code).toBe(1);
    expect(workflowCommands(strict.stdout).find((c) => c.command === 'error')?.line).toContain('::error::require-trace is set, but the build was not traced');

    // A bpftrace that passes the set-up checks but that io-trace itself refuses (too old): io-trace
    // exits before its database exists, so the build has not run yet and runs again untraced.
    const old = path.join(r.root, 'old-bin');
    mkdirSync(old, { recursive: true });
    writeFileSync(path.join(old, 'bpftrace'), '#!/bin/sh\ncase "$1" in --version) echo "bpftrace v0.9.0";; *) echo io-trace-ok;; esac\n');
    chmodSync(path.join(old, 'bpftrace'), 0o755);
    const retried = await runEntry('main', r, { extraEnv: { PATH: `${old}:${process.env.PATH}` } });
    expect(retried.code, retried.stdout).toBe(0);
    expect(workflowCommands(retried.stdout).filter((c) => c.command === 'warning').map((c) => c.line).join('\n')).toMatch(/io-trace could not start the tracer \(.*\); running the build untraced/);
    expect(retried.stdout.match(/> lib:build/g)).toHaveLength(1); // the build ran once
    expect(readFileCommands(r.files.output)).toMatchObject({ status: 'not-traced', 'exit-code': '0' });
  });

  it.skipIf(process.getuid?.() !== 0)('as a user without root or sudo (nobody): bpftrace is skipped with the reason, strace traces the build', async () => {
    const r = await setup({ run: 'npm run build' });
    const nobody = { uid: 65534, gid: 65534 };
    chmodSync(root, 0o755);
    chmodSync(path.dirname(r.root), 0o755);
    execFileSync('chown', ['-R', `${nobody.uid}:${nobody.gid}`, r.root]);
    const env = { HOME: r.root, npm_config_cache: path.join(r.root, 'npm-cache') };
    const main = await runEntry('main', r, { as: nobody, extraEnv: env });
    expect(main.code, main.stdout + main.stderr).toBe(0);
    expect(main.stdout).toContain('privilege: none');
    expect(workflowCommands(main.stdout).find((c) => c.command === 'warning')?.line).toContain('bpftrace unavailable: it needs root, and this runner has no passwordless sudo');
    const outputs = readFileCommands(r.files.output);
    expect(outputs).toMatchObject({ tracer: TRACED ? 'strace' : 'none', status: TRACED ? 'issues' : 'not-traced' });
    expect(statSync(outputs['db-path']).uid).toBe(nobody.uid);
    const post = await runEntry('post', r, { as: nobody, extraEnv: env });
    expect(post.code).toBe(0);
    expect(uploaded().has('trace.db')).toBe(true);
  });

  // GitHub's hosted runners: a user with passwordless sudo. .ci/run creates io-trace-runner for this.
  const sudoUser = (() => {
    try {
      const [uid, gid] = execFileSync('id', ['-u', 'io-trace-runner'], { encoding: 'utf8' }).trim().split('\n').map(Number).concat(Number(execFileSync('id', ['-g', 'io-trace-runner'], { encoding: 'utf8' }).trim()));
      execFileSync('su', ['io-trace-runner', '-c', 'sudo -n true'], { stdio: 'ignore' });
      return { uid, gid };
    } catch {
      return undefined;
    }
  })();
  it.skipIf(!sudoUser && !process.env.CI)('as a runner user with passwordless sudo: the pre step starts bpftrace with sudo, the main step adopts it, nothing is left running', async () => {
    if (!sudoUser) throw new Error('user io-trace-runner with passwordless sudo is missing (.ci/run creates it)');
    const r = await setup({ run: 'npm run build', tracer: 'bpftrace' });
    chmodSync(root, 0o755);
    chmodSync(path.dirname(r.root), 0o755);
    execFileSync('chown', ['-R', `${sudoUser.uid}:${sudoUser.gid}`, r.root]);
    const env = { HOME: r.root, npm_config_cache: path.join(r.root, 'npm-cache') };
    const pre = await runEntry('pre', r, { as: sudoUser, extraEnv: env });
    expect(pre.code, pre.stdout + pre.stderr).toBe(0);
    const dir = readFileCommands(r.files.state).standby;
    expect(dir, pre.stdout).toBeTruthy();
    const record = readStandbyRecord(dir);
    expect(record.sudo).toBe(true);
    const main = await runEntry('main', r, { as: sudoUser, extraEnv: env });
    expect(main.code, main.stdout + main.stderr).toBe(0);
    expect(main.stdout).toContain('privilege: sudo');
    expect(main.stdout, main.stdout).toContain('using the standby tracer');
    const report = JSON.parse(readFileSync(readFileCommands(r.files.output)['report-path'], 'utf8'));
    expect(report.incompleteReasons, main.stdout).toEqual([]);
    expect(report.run.tracer).toBe('bpftrace');
    expect(report.findings.map((f: { task: string; type: string; path: string }) => `${f.task} ${f.type} ${f.path}`)).toContain('lib:build unexpected_read config/banner.txt');
    await until(() => !standbyAlive(record), 15_000);
    expect(standbyAlive(record)).toBe(false);
    const post = await runEntry('post', r, { as: sudoUser, extraEnv: env });
    expect(post.code).toBe(0);

    // Never adopted: the post step stops the root bpftrace through sudo.
    const r2 = await setup({ run: 'npm run build', tracer: 'bpftrace' });
    execFileSync('chown', ['-R', `${sudoUser.uid}:${sudoUser.gid}`, r2.root]);
    expect((await runEntry('pre', r2, { as: sudoUser, extraEnv: env })).code).toBe(0);
    const record2 = readStandbyRecord(readFileCommands(r2.files.state).standby);
    await until(() => existsSync(path.join(readFileCommands(r2.files.state).standby, 'bpftrace-output.jsonl')), 5_000);
    // Its tracepoint events stop sampling through the same sudo (a detached Perl helper, tracepoint-sampling.ts).
    const sampling = path.join(readFileCommands(r2.files.state).standby, 'tracepoint-sampling.txt');
    const said = () => (existsSync(sampling) ? readFileSync(sampling, 'utf8') : '');
    await until(() => said().includes('\n'), 30_000);
    expect(said()).toMatch(/^disabled \d+ tracepoint perf events of bpftrace \(pid \d+\), left \d+\n$/);
    const post2 = await runEntry('post', r2, { as: sudoUser, extraEnv: env });
    expect(post2.stdout).toContain('stopped the standby tracer no run used');
    await until(() => !standbyAlive(record2), 15_000);
    expect(standbyAlive(record2)).toBe(false);

    // No pre step (early-tracer: false): io-trace starts bpftrace itself through sudo.
    const r3 = await setup({ run: 'npm run build', tracer: 'bpftrace', 'early-tracer': 'false' });
    execFileSync('chown', ['-R', `${sudoUser.uid}:${sudoUser.gid}`, r3.root]);
    expect((await runEntry('pre', r3, { as: sudoUser, extraEnv: env })).code).toBe(0);
    expect(readFileCommands(r3.files.state).standby).toBeUndefined();
    const main3 = await runEntry('main', r3, { as: sudoUser, extraEnv: { ...env, RUNNER_DEBUG: '1' } });
    expect(main3.code, main3.stdout).toBe(0);
    // With the runner's debug logging, io-trace's debug lines are in the log: the Perl helper that stops
    // bpftrace's tracepoint events from sampling ran through sudo too.
    expect(main3.stdout, main3.stdout).toMatch(/io-trace \[debug\] disabled \d+ tracepoint perf events of bpftrace \(pid \d+\), left \d+/);
    expect(main3.stdout).not.toContain('standby');
    expect(main3.stdout).toContain('ok   bpftrace self-test');
    const report3 = JSON.parse(readFileSync(readFileCommands(r3.files.output)['report-path'], 'utf8'));
    expect(report3.incompleteReasons, main3.stdout).toEqual([]);
    expect(report3.run.tracer).toBe('bpftrace');
  });

  it('hostile build output cannot issue workflow commands (stdout and stderr), and secrets are redacted from the uploaded logs', async () => {
    const run = [
      'npm run build',
      'echo "::set-output name=status::clean"',
      'echo "::add-mask::npm"',
      'echo "::warning::forged from stdout"',
      'echo "::error file=x::forged from stderr" >&2',
      'echo "::save-state name=artifact::{}" >&2',
      'echo "::stop-commands::guess"',
      'echo "::guess::"',
      'echo "::set-output name=issues::99"',
      `echo "secret ${REDACTED} and ${TOKEN}"`,
      'printf "no newline at the end ::notice::x"',
    ].join('\n');
    const r = await setup({ run, redact: REDACTED, comment: 'true' });
    // lib:build also writes a file whose name is HTML, a mention, an issue reference and a newline.
    const HOSTILE_NAME = '<img src=x onerror=alert(1)> @octocat #12 `x`\n::warning::name.txt';
    appendFileSync(path.join(r.workspace, 'examples/basic/packages/lib/build.mjs'), `writeFileSync(${JSON.stringify(HOSTILE_NAME)}, 'x');\n`);
    const main = await runEntry('main', r);
    expect(main.code, main.stdout).toBe(0);
    const commands = workflowCommands(main.stdout).map((c) => c.line);
    for (const forged of ['forged', 'name=status::clean', 'add-mask::npm', 'save-state', 'issues::99', '::notice::x']) {
      expect(commands.filter((c) => c.includes(forged)), forged).toEqual([]);
    }
    expect(main.stdout).toContain('::warning::forged from stdout'); // it was echoed, inside the fence
    expect(workflowCommands(main.stderr)).toEqual([]);
    expect(readFileCommands(r.files.output).issues).toEqual(TRACED ? expect.stringMatching(/^[1-9]/) : '0');
    expect(readFileCommands(r.files.state).artifact).toMatch(/^\{"name"/);
    // Wherever GitHub renders Markdown, the hostile name is inert text.
    const rendered = [summaryOf(r), gh.comments[0]?.body ?? '', ...[...gh.checkRuns.values()].flatMap((c) => {
      // Annotations are plain text (GitHub does not render them as Markdown or HTML); summary and text are Markdown.
      const out = (c as { output?: { summary?: string; text?: string } }).output ?? {};
      return [out.summary ?? '', out.text ?? ''];
    })];
    for (const md of rendered) {
      expect(md).not.toContain('<img');
      expect(md).not.toMatch(/@octocat|#12\b/);
    }
    if (TRACED) expect(summaryOf(r)).toContain('&lt;img src=x onerror=alert(1)&gt; @&#8203;octocat \\#&#8203;12 \\`x\\`');
    // The redact value is masked for the live log too.
    expect(commands).toContain(`::add-mask::${REDACTED}`);
    const post = await runEntry('post', r);
    expect(post.stdout).toContain('io-trace: uploaded artifact');
    const files = uploaded();
    for (const log of ['stdout.log', 'output.log']) {
      const text = files.get(log)!.toString();
      expect(text).toContain('secret *** and ***');
      expect(text).not.toContain(REDACTED);
    }
    // The run command (which holds the value too) is redacted in the report and the database copy;
    // the database keeps its layout (one * per byte) and still opens.
    expect(files.get('report.json')!.toString()).not.toContain(REDACTED);
    const db = openUploadedDb(files);
    const { command } = db.prepare('SELECT command FROM runs').get() as { command: string };
    db.close();
    expect(command).not.toContain(REDACTED);
    expect(command).toContain(`secret ${'*'.repeat(REDACTED.length)} and`);
  });
});
