import { describe, expect, it } from 'vitest';
import { compilePatterns, patternBase } from '../../src/plan/patterns.js';

describe('patterns', () => {
  it('treats a literal as a file or a whole directory', () => {
    const s = compilePatterns(['packages/app/dist', './config.json']);
    expect(s.covers('packages/app/dist')).toBe(true);
    expect(s.covers('packages/app/dist/a/b.js')).toBe(true);
    expect(s.covers('packages/app/distx/a.js')).toBe(false);
    expect(s.covers('config.json')).toBe(true);
  });

  it('matches globs with dotfiles and applies negations', () => {
    const s = compilePatterns(['src/**', '!src/**/*.test.ts']);
    expect(s.covers('src/.env')).toBe(true);
    expect(s.covers('src/a/b.ts')).toBe(true);
    expect(s.covers('src/a/b.test.ts')).toBe(false);
    expect(s.covers('lib/a.ts')).toBe(false);
  });

  it('covers names with newlines, unicode and ::', () => {
    const s = compilePatterns(['dir/**']);
    expect(s.covers('dir/a\nb')).toBe(true);
    expect(s.covers('dir/ünï ☃')).toBe(true);
    expect(s.covers('dir/::warning::x')).toBe(true);
  });

  it('knows the directory a pattern is confined to', () => {
    expect(patternBase('packages/app/src/**/*.ts')).toBe('packages/app/src');
    expect(patternBase('**/*.ts')).toBe('');
    expect(patternBase('!dist/')).toBe('dist');
  });
});
