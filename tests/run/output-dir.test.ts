import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyIgnoreRules } from '../../src/config/ignore.js';
import { silentLogger } from '../../src/core/logger.js';
import { loadPlanFile } from '../../src/plan/file.js';
import { runBuild } from '../../src/run/run-build.js';
import { ensureOutputDir, OUTPUT_DIR_GITIGNORE } from '../../src/run/output-dir.js';
import { StraceTracer } from '../../src/tracer/strace.js';
import { makeWorkspace } from '../helpers/workspace.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });

describe('io-trace output directory', () => {
  it('a run leaves nothing in git status: .io-trace/ gets a .gitignore of *', async () => {
    const ws = makeWorkspace({
      'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'a:b', target: { project: 'a', target: 'b' }, outputs: [] }] }),
    });
    git(ws.root, 'init', '-q');
    git(ws.root, 'add', '-A');
    git(ws.root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init');
    const result = await runBuild({
      command: ['sh', '-c', 'exit 3'],
      cwd: ws.root,
      plan: loadPlanFile(path.join(ws.root, 'io-trace.plan.json')),
      outDir: path.join(ws.root, '.io-trace'),
      tracer: 'none',
      tracers: [],
      ignore: emptyIgnoreRules(),
      log: silentLogger,
      echo: null,
      stdin: 'ignore',
    });
    expect(result.buildExitCode).toBe(3);
    expect(existsSync(path.join(ws.root, '.io-trace', 'trace.db'))).toBe(true);
    expect(existsSync(path.join(ws.root, '.io-trace', 'runs', String(result.runId), 'stdout.log'))).toBe(true);
    expect(git(ws.root, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(readFileSync(path.join(ws.root, '.io-trace', '.gitignore'), 'utf8')).toBe(OUTPUT_DIR_GITIGNORE);
    ws.cleanup();
  });

  it('leaves an existing directory of the user\'s alone, and fixes an old .io-trace/ without one', () => {
    const ws = makeWorkspace({ 'keep/file.txt': 'x' });
    ensureOutputDir(path.join(ws.root, 'keep'));
    expect(existsSync(path.join(ws.root, 'keep', '.gitignore'))).toBe(false);
    mkdirSync(path.join(ws.root, '.io-trace'));
    writeFileSync(path.join(ws.root, '.io-trace', 'trace.db'), '');
    ensureOutputDir(path.join(ws.root, '.io-trace'));
    expect(readFileSync(path.join(ws.root, '.io-trace', '.gitignore'), 'utf8')).toBe(OUTPUT_DIR_GITIGNORE);
    writeFileSync(path.join(ws.root, '.io-trace', '.gitignore'), 'mine\n');
    ensureOutputDir(path.join(ws.root, '.io-trace'));
    expect(readFileSync(path.join(ws.root, '.io-trace', '.gitignore'), 'utf8')).toBe('mine\n');
    ws.cleanup();
  });
});

describe('a runs/N folder left by an earlier database', () => {
  const planText = JSON.stringify({ version: 1, tasks: [{ id: 'a:b', target: { project: 'a', target: 'b' }, outputs: [] }] });
  for (const early of [false, true]) {
    it(`is set aside, never mixed with the new run's logs (${early ? 'tracer attached while the plan resolves' : 'plan known up front'})`, async () => {
      const ws = makeWorkspace({ 'io-trace.plan.json': planText });
      const out = path.join(ws.root, '.io-trace');
      // The database was deleted, its run folders were not: the new database numbers runs from 1 again.
      mkdirSync(path.join(out, 'runs', '1'), { recursive: true });
      writeFileSync(path.join(out, 'runs', '1', 'stdout.log'), 'an old run\n');
      const plan = loadPlanFile(path.join(ws.root, 'io-trace.plan.json'));
      const lines: string[] = [];
      const log = { ...silentLogger, info: (m: string) => lines.push(m) };
      const result = await runBuild({
        command: ['sh', '-c', 'echo new run; cat io-trace.plan.json > /dev/null'],
        cwd: ws.root,
        plan: early ? { source: plan.source, prepared: Promise.resolve({ plan, ignore: emptyIgnoreRules() }) } : plan,
        outDir: out,
        // strace attaches early (a tracer of 'none' never does); it needs only ptrace, no root.
        tracer: early ? 'strace' : 'none',
        tracers: early ? [new StraceTracer()] : [],
        ignore: emptyIgnoreRules(),
        log,
        echo: null,
        stdin: 'ignore',
      });
      expect(result.runId).toBe(1);
      const runs = readdirSync(path.join(out, 'runs'));
      const stale = runs.filter((n) => /^1\.stale-\d+$/.test(n));
      expect(stale, runs.join(' ')).toHaveLength(1);
      expect(readFileSync(path.join(out, 'runs', stale[0], 'stdout.log'), 'utf8')).toBe('an old run\n');
      expect(readFileSync(path.join(out, 'runs', '1', 'stdout.log'), 'utf8')).toBe('new run\n');
      // The early tracer's folder became runs/1: nothing is left under a temporary name.
      expect(runs.filter((n) => n.startsWith('.attaching-'))).toEqual([]);
      if (early) expect(result.report.run.tracer).toBe('strace');
      expect(lines).toContain(`runs/1 was left by an earlier database here: moved to runs/${stale[0]}`);
      ws.cleanup();
    });
  }
});
