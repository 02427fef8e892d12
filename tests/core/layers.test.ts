import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers point one way: a module imports only from its own folder or from a lower layer. `core` is
 * the ground floor; the entries (cli, action) are the top. Two folders on one floor do not import
 * each other.
 */
const FLOORS: Record<string, number> = {
  core: 0,
  '.': 0, // src/version.ts
  plan: 1,
  transcript: 1,
  config: 2,
  tracer: 2,
  attribution: 3,
  store: 3,
  analysis: 4,
  report: 5,
  fix: 5,
  triage: 6,
  run: 6,
  cli: 7,
  action: 8,
};

const SRC = path.resolve(__dirname, '../../src');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

function folderOf(file: string): string {
  const rel = path.relative(SRC, file);
  return rel.includes(path.sep) ? rel.split(path.sep)[0] : '.';
}

describe('layers', () => {
  it('every source folder has a floor', () => {
    const folders = new Set([...sources(SRC)].map(folderOf));
    expect([...folders].filter((f) => !(f in FLOORS))).toEqual([]);
  });

  it('no module imports from a higher floor or a sibling folder on its own floor', () => {
    const wrong: string[] = [];
    for (const file of sources(SRC)) {
      const from = folderOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const to = folderOf(path.resolve(path.dirname(file), m[1]));
        if (to === from) continue;
        if (!(FLOORS[to] < FLOORS[from])) wrong.push(`${path.relative(SRC, file)} (${from}, floor ${FLOORS[from]}) imports ${m[1]} (${to}, floor ${FLOORS[to]})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
