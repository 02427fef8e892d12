import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Maps traced absolute paths to workspace-relative ones. Traced paths may be non-normalised, and
 * cwd-resolved paths come out physical (symlinks resolved) while absolute ones come out as written,
 * so both the workspace root and each path's directory are compared by their real paths.
 */
export class WorkspacePaths {
  private readonly roots: string[];
  private readonly dirCache = new Map<string, string | null>();
  /** Directory (as traced) -> its workspace-relative form; far fewer entries than paths. */
  private readonly relDirCache = new Map<string, string | null>();

  constructor(workspaceRoot: string) {
    const real = safeRealpath(workspaceRoot) ?? path.resolve(workspaceRoot);
    this.roots = [...new Set([real, path.resolve(workspaceRoot)])];
  }

  get root(): string {
    return this.roots[0];
  }

  /** Workspace-relative path ('' for the root itself), or null when outside the workspace. */
  relative(absPath: string): string | null {
    const slash = absPath.lastIndexOf('/');
    const base = absPath.slice(slash + 1);
    if (slash <= 0 || base === '' || base === '.' || base === '..') return this.compute(absPath);
    const dir = absPath.slice(0, slash);
    let relDir = this.relDirCache.get(dir);
    if (relDir === undefined) {
      relDir = this.compute(dir);
      this.relDirCache.set(dir, relDir);
    }
    if (relDir === null) return null;
    return relDir === '' ? base : `${relDir}/${base}`;
  }

  private compute(absPath: string): string | null {
    const norm = absPath.includes('/.') || absPath.includes('//') || absPath.endsWith('/') ? path.posix.normalize(absPath).replace(/(.)\/$/, '$1') : absPath;
    const direct = this.underRoot(norm);
    if (direct !== null) {
      // Fast path: lexically inside. A symlinked directory inside the workspace pointing out is
      // still reported at its workspace location, which is where the build tool hashes it.
      return direct;
    }
    // Outside lexically: it may still be the workspace reached through a symlink.
    const dir = path.posix.dirname(norm);
    let realDir = this.dirCache.get(dir);
    if (realDir === undefined) {
      realDir = safeRealpath(dir);
      this.dirCache.set(dir, realDir);
    }
    if (realDir === null || realDir === dir) return null;
    return this.underRoot(path.posix.join(realDir, path.posix.basename(norm)));
  }

  private underRoot(p: string): string | null {
    for (const root of this.roots) {
      if (p === root) return '';
      if (p.startsWith(root) && p.charCodeAt(root.length) === 47 /* / */) return p.slice(root.length + 1);
    }
    return null;
  }

  absolute(rel: string): string {
    return rel === '' ? this.root : path.posix.join(this.root, rel);
  }
}

export type PathKind = 'file' | 'dir' | 'missing';

/** What is at a path now (after the build), without following a final symlink. */
export function pathKind(abs: string): PathKind {
  try {
    return lstatSync(abs).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

function safeRealpath(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}
