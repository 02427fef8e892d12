import picomatch from 'picomatch';

/**
 * Matching workspace-relative paths against declared patterns ('!' excludes). A pattern without glob
 * characters names a file or a directory and everything under it, as Nx treats outputs; a glob is
 * matched with dotfiles included, since build tools hash dotfiles too.
 */
export interface PatternSet {
  /** True when some positive pattern covers the path and no negative one does. */
  covers(relPath: string): boolean;
  /** The positive patterns, for "which pattern matched nothing" checks. */
  readonly positives: readonly string[];
}

type Matcher = (p: string) => boolean;

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** Strip "./" and trailing "/" so "./dist/" and "dist" mean the same. */
export function cleanPattern(pattern: string): string {
  let p = pattern.trim();
  while (p.startsWith('./')) p = p.slice(2);
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

function compile(pattern: string): Matcher {
  const p = cleanPattern(pattern);
  if (p === '' || p === '.' || p === '**') return () => true;
  if (!isGlob(p)) {
    const dir = p + '/';
    return (rel) => rel === p || rel.startsWith(dir);
  }
  // flags 's': file names may contain newlines, which '.' must match too.
  const m = picomatch(p, { dot: true, flags: 's' });
  return (rel) => m(rel);
}

export function compilePatterns(patterns: readonly string[]): PatternSet {
  const positives: string[] = [];
  const pos: Matcher[] = [];
  const neg: Matcher[] = [];
  for (const raw of patterns) {
    if (raw.startsWith('!')) neg.push(compile(raw.slice(1)));
    else {
      positives.push(raw);
      pos.push(compile(raw));
    }
  }
  return {
    positives,
    covers(rel) {
      if (!pos.some((m) => m(rel))) return false;
      return !neg.some((m) => m(rel));
    },
  };
}

/** The directory a pattern can only match under (its non-glob prefix), "" for the workspace root. */
export function patternBase(pattern: string): string {
  const p = cleanPattern(pattern.startsWith('!') ? pattern.slice(1) : pattern);
  if (!isGlob(p)) return p;
  const base = picomatch.scan(p).base;
  return base === '.' ? '' : base;
}
