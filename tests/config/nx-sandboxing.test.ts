import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IgnoreMatcher, mergeIgnoreRules, toolDefaultIgnores } from '../../src/config/ignore.js';
import { loadNxSandboxingConfig, parseNxSandboxingConfig } from '../../src/config/nx-sandboxing.js';
import { ConfigurationError } from '../../src/core/errors.js';

const tasks = [
  { id: 'app:build', project: 'app', target: 'build', projectRoot: 'apps/app' },
  { id: 'app:bundle:production', project: 'app', target: 'bundle', projectRoot: 'apps/app' },
  { id: 'lib:build', project: 'lib', target: 'build', projectRoot: 'libs/lib' },
];

describe('Nx sandboxing-config.yaml', () => {
  it('reads global and per-task exclusions in Nx\'s own format', () => {
    const rules = parseNxSandboxingConfig(
      [
        'exclude-reads:',
        "  - '**/.tmp-cache/**'",
        'exclude-writes:',
        '  - "{workspaceRoot}/logs/**"',
        'task-exclusions:',
        '  - project: app',
        '    target: build',
        '    exclude-reads:',
        '      - .next/cache/**',
        '  - target: bundle',
        '    exclude-writes: ["{projectRoot}/tmp/**"]',
        '  - project: lib',
        '    target: build',
      ].join('\n'),
      tasks,
    );
    expect(rules.reads).toEqual(['**/.tmp-cache/**']);
    expect(rules.writes).toEqual(['logs/**']);
    expect(rules.tasks['app:build']).toEqual({ reads: ['.next/cache/**', 'apps/app/.next/cache/**'], writes: [] });
    expect(rules.tasks['app:bundle:production']).toEqual({ reads: [], writes: ['apps/app/tmp/**'] });
    expect(rules.excludedTasks).toEqual(['lib:build']);
    const m = new IgnoreMatcher(rules);
    expect(m.ignoredRead('app:build', 'apps/app/.next/cache/x')).toBe(true);
    expect(m.ignoredRead('app:bundle:production', 'apps/app/.next/cache/x')).toBe(false);
    expect(m.ignoredWrite('app:build', 'logs/a.log')).toBe(true);
  });

  it('names the file and line of a mistake', () => {
    expect(() => parseNxSandboxingConfig('exclude-reads:\n  - a\ntask-exclusions:\n  - project: app\n    exclude-reads: nope\n', tasks)).toThrow(
      /sandboxing-config.yaml line 4: "task-exclusions\[0\].exclude-reads" must be a list of glob strings/,
    );
    expect(() => parseNxSandboxingConfig('exclude-reads: [a\n', tasks)).toThrow(ConfigurationError);
  });

  it('is read from .nx/workflows and absent means no rules', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'io-trace-sbx-'));
    try {
      expect(loadNxSandboxingConfig(dir, tasks).reads).toEqual([]);
      mkdirSync(path.join(dir, '.nx/workflows'), { recursive: true });
      writeFileSync(path.join(dir, '.nx/workflows/sandboxing-config.yaml'), 'exclude-reads:\n  - docs/**\n');
      expect(loadNxSandboxingConfig(dir, tasks).reads).toEqual(['docs/**']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tool defaults', () => {
  it('never reports the files nx and turbo hash into every task', () => {
    const nx = new IgnoreMatcher(toolDefaultIgnores({ source: 'nx', tasks: [] }));
    expect(nx.ignoredRead('x', 'nx.json')).toBe(true);
    expect(nx.ignoredRead('x', '.gitignore')).toBe(true);
    expect(nx.ignoredRead('x', 'package.json')).toBe(false);
    const turboTasks = [{ id: 'app#build', project: 'app', target: 'build', projectRoot: 'packages/app', inputs: [], outputs: [], dependsOn: [] }];
    const turbo = new IgnoreMatcher(mergeIgnoreRules(toolDefaultIgnores({ source: 'turbo', tasks: turboTasks })));
    expect(turbo.ignoredRead('app#build', 'packages/app/turbo.json')).toBe(true);
    expect(turbo.ignoredRead('app#build', 'packages/app/package.json')).toBe(true);
    expect(turbo.ignoredRead('app#build', 'packages/lib/package.json')).toBe(false);
  });

  it('never reports io-trace\'s own folder, wherever the database went', () => {
    const m = new IgnoreMatcher(toolDefaultIgnores({ source: 'nx', tasks: [] }));
    expect(m.ignoredRead('x', '.io-trace/.gitignore')).toBe(true);
    expect(m.ignoredWrite('x', '.io-trace/trace.db')).toBe(true);
    expect(m.ignoredRead('x', 'src/io-trace.ts')).toBe(false);
  });
});
