import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NX_ENV } from '../plan/nx.js';

/**
 * What a plugin infers for a target's field, asked of the workspace's own nx (`nx show project P --json`,
 * once per project). A fix that writes `inputs` into the project's config replaces every inferred input,
 * so it must start from these. Undefined when nx cannot say (not installed, fails, no such target).
 */
export function nxInferredFields(workspaceRoot: string): (project: string, target: string, field: string) => unknown[] | undefined {
  const projects = new Map<string, Record<string, Record<string, unknown>> | undefined>();
  let bin: string | undefined;
  try {
    const dir = path.dirname(createRequire(path.join(workspaceRoot, 'package.json')).resolve('nx/package.json'));
    bin = [path.join(dir, 'bin', 'nx.js'), path.join(dir, 'dist', 'bin', 'nx.js')].find((f) => existsSync(f));
  } catch {
    bin = undefined;
  }
  return (project, target, field) => {
    if (!bin) return undefined;
    if (!projects.has(project)) {
      try {
        const out = execFileSync(process.execPath, [bin, 'show', 'project', project, '--json'], {
          cwd: workspaceRoot,
          env: { ...process.env, ...NX_ENV },
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 120_000,
          maxBuffer: 64 * 1024 * 1024,
        });
        const json = JSON.parse(out.slice(out.indexOf('{'))) as { targets?: Record<string, Record<string, unknown>> };
        projects.set(project, json.targets);
      } catch {
        projects.set(project, undefined);
      }
    }
    const value = projects.get(project)?.[target]?.[field];
    return Array.isArray(value) ? value : undefined;
  };
}
