import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Normalises traced paths before they are stored, so that one file is one path:
 * - `a//b`, `a/./b`, a trailing `/` are cleaned up (`dist/adapters//fetch` -> `dist/adapters/fetch`);
 * - `..` is applied as the kernel does: to the directory a symlink points at, not lexically through it;
 * - a path through a symlink in `node_modules` that leads out of every `node_modules` (a workspace
 *   package linked by npm/pnpm/yarn: `node_modules/@scope/lib` -> `packages/lib`) is stored as the file
 *   it really is, so that `node_modules/@scope/lib/src/x.ts` is judged as `packages/lib/src/x.ts` and is
 *   not dropped by the `node_modules/` ignore. Paths into installed dependencies stay as named.
 * Directories are resolved while the build runs (they exist then), once each.
 */
export class PathNormaliser {
  private readonly dirs = new Map<string, string>();

  normalise(p: string): string {
    // Most paths need nothing: one scan instead of a split, a lookup and a join per event.
    if (!MAY_CHANGE.test(p)) return p;
    const slash = p.lastIndexOf('/');
    if (slash < 0) return p;
    const base = p.slice(slash + 1);
    if (base === '' || base === '.' || base === '..') return this.dir(p);
    const dir = slash === 0 ? '/' : p.slice(0, slash);
    const d = this.dir(dir);
    return d === '/' ? `/${base}` : `${d}/${base}`;
  }

  private dir(d: string): string {
    let n = this.dirs.get(d);
    if (n === undefined) {
      n = resolveDir(d);
      this.dirs.set(d, n);
    }
    return n;
  }
}

const MAY_CHANGE = /\/\/|\/\.|\/$|\/node_modules(\/|$)/;

function resolveDir(d: string): string {
  let out = cleanDir(d);
  if (out.includes('/node_modules/') || out.endsWith('/node_modules')) {
    const real = safeRealpath(out);
    if (real !== undefined && !/\/node_modules(\/|$)/.test(real)) out = real;
  }
  return out;
}

/** `//`, `.`, trailing `/` removed; `..` applied to the real directory when the one before it is a symlink. */
function cleanDir(d: string): string {
  if (!/\/\/|\/\.\.?(\/|$)|.\/$/.test(d)) return d;
  const parts: string[] = [];
  for (const c of d.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') {
      const prefix = `/${parts.join('/')}`;
      if (parts.length > 0 && isSymlink(prefix)) {
        const real = safeRealpath(prefix);
        if (real !== undefined) {
          parts.length = 0;
          parts.push(...path.posix.dirname(real).split('/').filter(Boolean));
          continue;
        }
      }
      parts.pop();
      continue;
    }
    parts.push(c);
  }
  return `/${parts.join('/')}`;
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}
