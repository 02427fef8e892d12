import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import { emptyIgnoreRules, type IgnoreRules } from './ignore.js';

/**
 * io-trace's own config file, `io-trace.config.json` at the workspace root (or --config FILE):
 *
 *   { "ignore": ["docs/**"],                  // ignored for every task and access
 *     "exclude-reads": ["**\/*.md"],           // reads never reported
 *     "exclude-writes": ["**\/*.log"],         // writes never reported
 *     "task-exclusions": ["app:lint"],         // tasks not analysed
 *     "tasks": { "app:build": { "exclude-reads": ["..."], "exclude-writes": ["..."] } } }
 *
 * The keys follow Nx's sandboxing-config.yaml so rules move between the two unchanged.
 */
export const CONFIG_FILE_NAME = 'io-trace.config.json';

export function loadConfigFile(file: string | undefined, workspaceRoot: string): IgnoreRules {
  const chosen = file ?? path.join(workspaceRoot, CONFIG_FILE_NAME);
  if (!existsSync(chosen)) {
    if (file !== undefined) throw new ConfigurationError(`config file ${file} does not exist`);
    return emptyIgnoreRules();
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(chosen, 'utf8'));
  } catch (e) {
    throw new ConfigurationError(`config file ${chosen}: not valid JSON (${(e as Error).message})`);
  }
  return parseIgnoreRules(doc, `config file ${chosen}`);
}

/** Validate an ignore-rules object (io-trace config or Nx sandboxing config, same keys). */
export function parseIgnoreRules(doc: unknown, where: string): IgnoreRules {
  const rules = emptyIgnoreRules();
  if (doc === null || doc === undefined) return rules;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigurationError(`${where}: the top level must be an object`);
  const d = doc as Record<string, unknown>;
  const list = (v: unknown, key: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      throw new ConfigurationError(`${where}: "${key}" must be a list of glob strings`);
    }
    return v as string[];
  };
  rules.all = list(d.ignore, 'ignore');
  rules.reads = list(d['exclude-reads'], 'exclude-reads');
  rules.writes = list(d['exclude-writes'], 'exclude-writes');
  rules.excludedTasks = list(d['task-exclusions'], 'task-exclusions');
  if (d.tasks !== undefined) {
    if (typeof d.tasks !== 'object' || d.tasks === null || Array.isArray(d.tasks)) {
      throw new ConfigurationError(`${where}: "tasks" must map task ids to {"exclude-reads": [...], "exclude-writes": [...]}`);
    }
    for (const [task, t] of Object.entries(d.tasks as Record<string, unknown>)) {
      const tt = (t ?? {}) as Record<string, unknown>;
      rules.tasks[task] = { reads: list(tt['exclude-reads'], `tasks.${task}.exclude-reads`), writes: list(tt['exclude-writes'], `tasks.${task}.exclude-writes`) };
    }
  }
  return rules;
}
