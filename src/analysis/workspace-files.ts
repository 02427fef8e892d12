import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { IgnoreMatcher } from '../config/ignore.js';

/**
 * Every file under the workspace (workspace-relative), skipping what is ignored for all tasks
 * (.git, node_modules, tool caches). Used to expand declared input globs into files for unused_input.
 * Only the directories under `bases` are walked, so a plan whose inputs live in a few projects does not
 * pay for a whole monorepo.
 */
export function listWorkspaceFiles(root: string, ignore: IgnoreMatcher, bases: readonly string[] = ['']): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    let entries;
    try {
      entries = readdirSync(rel === '' ? root : path.join(root, rel), { withFileTypes: true });
    } catch (e) {
      // A base that names a file (a literal input) is itself the file.
      if ((e as NodeJS.ErrnoException).code === 'ENOTDIR' && rel !== '') out.push(rel);
      return;
    }
    for (const e of entries) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (ignore.ignoredAlways(child)) continue;
      if (e.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  // Walk the shortest bases first so nested bases are skipped as already seen.
  for (const base of [...new Set(bases)].sort((a, b) => a.length - b.length)) {
    if (bases.some((b) => b !== base && (b === '' || base.startsWith(b + '/')))) continue;
    walk(base);
  }
  return out;
}
