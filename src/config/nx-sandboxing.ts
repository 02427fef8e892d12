/**
 * Nx's own exclusion file for task sandboxing, `.nx/workflows/sandboxing-config.yaml`, read as is so
 * Nx users keep one file (https://nx.dev/docs/features/ci-features/sandboxing#excluding-paths):
 *
 *   exclude-reads:            # never reported as reads, for every task
 *     - '**\/.tmp-cache/**'
 *   exclude-writes:
 *     - '**\/*.log'
 *   task-exclusions:          # per task (project + target, every configuration)
 *     - project: myapp
 *       target: build
 *       exclude-reads:
 *         - .next/cache/**
 *
 * Patterns are workspace-relative globs (`{workspaceRoot}`/`{projectRoot}` tokens allowed). Nx's docs
 * do not say whether a task entry's bare patterns are relative to the workspace or to the project, so
 * they are applied both ways. A task entry without either list leaves the task out of the analysis.
 * `project` or `target` may be omitted to mean every project / every target.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigurationError } from '../core/errors.js';
import { expandTokens } from '../plan/file.js';
import type { PlanTask } from '../plan/types.js';
import { emptyIgnoreRules, type IgnoreRules } from './ignore.js';

export const NX_SANDBOXING_CONFIG = '.nx/workflows/sandboxing-config.yaml';

/** The rules of `<workspaceRoot>/.nx/workflows/sandboxing-config.yaml` for the planned tasks (empty when absent). */
export function loadNxSandboxingConfig(workspaceRoot: string, tasks: readonly Pick<PlanTask, 'id' | 'project' | 'target' | 'projectRoot'>[]): IgnoreRules {
  const file = path.join(workspaceRoot, NX_SANDBOXING_CONFIG);
  if (!existsSync(file)) return emptyIgnoreRules();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigurationError(`${NX_SANDBOXING_CONFIG} cannot be read: ${(e as Error).message}`);
  }
  return parseNxSandboxingConfig(text, tasks, NX_SANDBOXING_CONFIG);
}

export function parseNxSandboxingConfig(
  text: string,
  tasks: readonly Pick<PlanTask, 'id' | 'project' | 'target' | 'projectRoot'>[],
  where = NX_SANDBOXING_CONFIG,
): IgnoreRules {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new ConfigurationError(`${where}${line ? ` line ${line}` : ''}: not valid YAML (${e.message.split('\n')[0]})`);
  }
  const lineOf = (node: unknown): string => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return '';
    let line = 1;
    for (let i = 0; i < range[0] && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return ` line ${line}`;
  };
  const data = doc.toJS() as unknown;
  const rules = emptyIgnoreRules();
  if (data === null || data === undefined) return rules;
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigurationError(`${where}: the top level must be a mapping (exclude-reads, exclude-writes, task-exclusions)`);
  const top = data as Record<string, unknown>;
  const list = (v: unknown, key: string, at: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ConfigurationError(`${where}${at}: "${key}" must be a list of glob strings`);
    return v as string[];
  };
  const topNode = (key: string) => doc.get(key, true);
  rules.reads = list(top['exclude-reads'], 'exclude-reads', lineOf(topNode('exclude-reads'))).map((p) => expandTokens(p, ''));
  rules.writes = list(top['exclude-writes'], 'exclude-writes', lineOf(topNode('exclude-writes'))).map((p) => expandTokens(p, ''));

  const entries = top['task-exclusions'];
  if (entries === undefined || entries === null) return rules;
  const entriesNode = topNode('task-exclusions') as { items?: unknown[] } | undefined;
  if (!Array.isArray(entries)) throw new ConfigurationError(`${where}${lineOf(entriesNode)}: "task-exclusions" must be a list of {project, target, exclude-reads, exclude-writes}`);
  entries.forEach((raw, i) => {
    const at = lineOf(entriesNode?.items?.[i]);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new ConfigurationError(`${where}${at}: task-exclusions[${i}] must be a mapping with "project" and "target"`);
    }
    const e = raw as Record<string, unknown>;
    for (const k of ['project', 'target'] as const) {
      if (e[k] !== undefined && typeof e[k] !== 'string') throw new ConfigurationError(`${where}${at}: task-exclusions[${i}].${k} must be a string`);
    }
    if (e.project === undefined && e.target === undefined) throw new ConfigurationError(`${where}${at}: task-exclusions[${i}] names neither "project" nor "target"`);
    const reads = list(e['exclude-reads'], `task-exclusions[${i}].exclude-reads`, at);
    const writes = list(e['exclude-writes'], `task-exclusions[${i}].exclude-writes`, at);
    for (const t of tasks) {
      if ((e.project !== undefined && e.project !== t.project) || (e.target !== undefined && e.target !== t.target)) continue;
      if (reads.length === 0 && writes.length === 0) {
        rules.excludedTasks.push(t.id);
        continue;
      }
      const both = (p: string) => bothWays(p, t.projectRoot);
      const cur = (rules.tasks[t.id] ??= { reads: [], writes: [] });
      cur.reads.push(...reads.flatMap(both));
      cur.writes.push(...writes.flatMap(both));
    }
  });
  return rules;
}

/** A task pattern as written: workspace-relative, and (bare, without tokens) project-relative too. */
function bothWays(pattern: string, projectRoot: string): string[] {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body.startsWith('{') || projectRoot === '') return [expandTokens(pattern, projectRoot)];
  return [expandTokens(pattern, projectRoot), expandTokens(`{projectRoot}/${body}`, projectRoot)].map((p) => (pattern.startsWith('!') && !p.startsWith('!') ? `!${p}` : p));
}
