import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PathNormaliser } from '../../src/store/normalise-path.js';

describe('PathNormaliser', () => {
  const ws = realpathSync(mkdtempSync(path.join(tmpdir(), 'io-trace-norm-')));
  afterAll(() => rmSync(ws, { recursive: true, force: true }));
  mkdirSync(path.join(ws, 'packages/lib/src'), { recursive: true });
  mkdirSync(path.join(ws, 'node_modules/@scope'), { recursive: true });
  mkdirSync(path.join(ws, 'node_modules/.pnpm/dep@1.0.0/node_modules/dep'), { recursive: true });
  mkdirSync(path.join(ws, 'other/deep'), { recursive: true });
  writeFileSync(path.join(ws, 'packages/lib/src/x.ts'), '');
  symlinkSync('../../packages/lib', path.join(ws, 'node_modules/@scope/lib'));
  symlinkSync('.pnpm/dep@1.0.0/node_modules/dep', path.join(ws, 'node_modules/dep'));
  symlinkSync('other/deep', path.join(ws, 'shortcut'));
  const n = new PathNormaliser();

  it('cleans up //, ., and trailing slashes', () => {
    expect(n.normalise(`${ws}/dist/adapters//fetch`)).toBe(`${ws}/dist/adapters/fetch`);
    expect(n.normalise(`${ws}/./a/./b.js`)).toBe(`${ws}/a/b.js`);
    expect(n.normalise(`${ws}/dist/`)).toBe(`${ws}/dist`);
    expect(n.normalise(`${ws}/packages/lib/src/../x.ts`)).toBe(`${ws}/packages/lib/x.ts`);
    expect(n.normalise('/')).toBe('/');
    expect(n.normalise('/etc/hosts')).toBe('/etc/hosts');
  });

  it('applies .. after a symlink to the directory it points at, as the kernel does', () => {
    expect(n.normalise(`${ws}/shortcut/../f.txt`)).toBe(`${ws}/other/f.txt`);
  });

  it('resolves a workspace package linked into node_modules, and keeps installed dependencies as named', () => {
    expect(n.normalise(`${ws}/node_modules/@scope/lib/src/x.ts`)).toBe(`${ws}/packages/lib/src/x.ts`);
    expect(n.normalise(`${ws}/node_modules/@scope/lib/src/missing.ts`)).toBe(`${ws}/packages/lib/src/missing.ts`);
    expect(n.normalise(`${ws}/node_modules/dep/index.js`)).toBe(`${ws}/node_modules/dep/index.js`);
    expect(n.normalise(`${ws}/node_modules/gone/index.js`)).toBe(`${ws}/node_modules/gone/index.js`);
  });
});
