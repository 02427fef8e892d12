import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Workspaces a test file made and did not clean up go when the file ends (IO_TRACE_KEEP_TMP=1 keeps
// them for a look): over many runs they filled a developer machine's disk.
const made = new Set<string>();
afterAll(() => {
  if (process.env.IO_TRACE_KEEP_TMP) return;
  for (const root of made) rmSync(root, { recursive: true, force: true });
  made.clear();
});

/** A real temporary directory with the given files (path -> content), removed by `cleanup`. */
export function makeWorkspace(files: Record<string, string> = {}): { root: string; write(rel: string, content?: string): string; cleanup(): void } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'io-trace-test-')));
  made.add(root);
  const write = (rel: string, content = '') => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return abs;
  };
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  return {
    root,
    write,
    cleanup: () => {
      rmSync(root, { recursive: true, force: true });
      made.delete(root);
    },
  };
}
