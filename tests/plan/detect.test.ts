import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectPlanSource, expandPackageScript } from '../../src/plan/detect.js';
import { fixtureDir } from '../fixtures/install.js';

const dirs: string[] = [];
function workspace(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'io-trace-detect-'));
  dirs.push(d);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(d, f, '..'), { recursive: true });
    writeFileSync(join(d, f), text);
  }
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('detectPlanSource', () => {
  it('recognises the fixtures by their command and config file', () => {
    expect(detectPlanSource(fixtureDir('nx-workspace'), ['npx', 'nx', 'run-many', '-t', 'build'])).toBe('nx');
    expect(detectPlanSource(fixtureDir('turbo-workspace'), ['npx', 'turbo', 'run', 'build'])).toBe('turbo');
    expect(detectPlanSource(fixtureDir('nx-workspace'), ['make', 'all'])).toBe('nx');
    expect(detectPlanSource(fixtureDir('turbo-workspace'), ['make', 'all'])).toBe('turbo');
  });

  it('follows the command when both config files exist, and gives up when nothing says', () => {
    const both = workspace({ 'nx.json': '{}', 'turbo.json': '{}', 'package.json': '{"scripts":{"build":"turbo run build"}}' });
    expect(detectPlanSource(both, ['pnpm', 'nx', 'build', 'app'])).toBe('nx');
    expect(detectPlanSource(both, ['turbo', 'build'])).toBe('turbo');
    expect(detectPlanSource(both, ['npm', 'run', 'build'])).toBe('turbo');
    expect(detectPlanSource(both, ['make'])).toBeUndefined();
    expect(detectPlanSource(workspace({ 'package.json': '{}' }), ['npm', 'test'])).toBeUndefined();
  });

  it('sees nx through a package.json script and in a workspace without nx.json', () => {
    const ws = workspace({ 'package.json': '{"scripts":{"ci":"nx run-many -t build test"}}' });
    expect(expandPackageScript(ws, ['npm', 'run', 'ci', '--', '--parallel=1'])).toEqual(['nx', 'run-many', '-t', 'build', 'test', '--parallel=1']);
    expect(expandPackageScript(ws, ['yarn', 'ci'])).toEqual(['nx', 'run-many', '-t', 'build', 'test']);
    expect(expandPackageScript(ws, ['npm', 'ci'])).toBeUndefined();
    expect(detectPlanSource(ws, ['npm', 'run', 'ci'])).toBe('nx');
  });

  it('finds the build tool in a script of several commands, after variables, or through another script', () => {
    const ws = workspace({
      'turbo.json': '{}',
      'package.json': JSON.stringify({
        scripts: {
          build: 'pnpm clean && NODE_ENV=production turbo run build --affected',
          ci: 'npm run build:all',
          'build:all': 'env CI=1 nx run-many -t build --exclude=examples/**',
          clean: 'rm -rf dist',
        },
      }),
    });
    expect(expandPackageScript(ws, ['/usr/local/bin/pnpm', 'build', '--', '--only'])).toEqual(['turbo', 'run', 'build', '--affected', '--only']);
    expect(expandPackageScript(ws, ['npm', 'run', 'ci'])).toEqual(['nx', 'run-many', '-t', 'build', '--exclude=examples/**']);
    expect(expandPackageScript(ws, ['pnpm', 'clean'])).toEqual(['rm', '-rf', 'dist']);
    expect(detectPlanSource(ws, ['pnpm', 'build'])).toBe('turbo');
  });
});
