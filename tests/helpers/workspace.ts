import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A real temporary directory with the given files (path -> content), removed by `cleanup`. */
export function makeWorkspace(files: Record<string, string> = {}): { root: string; write(rel: string, content?: string): string; cleanup(): void } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'io-trace-test-')));
  const write = (rel: string, content = '') => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return abs;
  };
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  return { root, write, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
