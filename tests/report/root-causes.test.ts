/**
 * Reporters show root causes: no error or warning hides behind "and N more" (only info is capped), a
 * finding shared by many tasks says so, and the fix location is said once.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { colors } from '../../src/triage/format.js';
import { formatFindings } from '../../src/cli/commands/show.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import { formatMarkdownReport } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/report.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatTerminalSummary } from '../../src/report/terminal.js';
import type { RunRecord } from '../../src/store/store.js';

const run = {
  id: 7,
  command: ['npx', 'turbo', 'run', 'build'],
  cwd: '/w',
  workspaceRoot: '/w',
  planSource: 'turbo',
  planFile: null,
  tracer: 'bpftrace',
  tracerVersion: '0.17.0',
  tracerReason: null,
  startedAt: 0,
  endedAt: 1000,
  exitCode: 0,
  signal: null,
  status: 'issues',
  incompleteReasons: [],
  eventCount: 10,
  lostEvents: 0,
  stdoutPath: null,
  stderrPath: null,
  transcriptPath: null,
  host: {},
} as unknown as RunRecord;

const infos: Finding[] = Array.from({ length: 30 }, (_, i) => ({
  task: `p${i}#build`,
  type: 'unused_input',
  path: `x${i}/**`,
  severity: 'info',
  message: 'unused',
  count: 2,
  samples: [`x${i}/a`, `x${i}/b`],
}));
const errors: Finding[] = Array.from({ length: 14 }, (_, i) => ({
  task: `p${i}#build`,
  type: 'unexpected_read',
  path: `conf${i}.json`,
  severity: 'error',
  message: 'read',
  fix: { summary: `add "$TURBO_ROOT$/conf${i}.json" to "inputs" of p${i}#build (turbo.json:10)`, field: 'inputs', add: [`$TURBO_ROOT$/conf${i}.json`], file: 'turbo.json', line: 10 },
}));
const shared: Finding = {
  task: 'a#build',
  type: 'unexpected_read',
  path: 'tsconfig.base.json',
  severity: 'error',
  message: '15 tasks read tsconfig.base.json',
  tasks: Array.from({ length: 15 }, (_, i) => `${String.fromCharCode(97 + i)}#build`),
  fix: { summary: 'add "tsconfig.base.json" to "globalDependencies" in turbo.json (15 tasks read it)', field: 'inputs', add: ['tsconfig.base.json'], file: 'turbo.json', line: 2 },
};
const big: Finding = {
  task: 'p#build',
  type: 'unexpected_write',
  path: 'packages/p/dist/**',
  severity: 'error',
  message: 'p#build wrote 505 files',
  count: 505,
  samples: ['packages/p/dist/a.js'],
  fix: { summary: 'add "dist/**" to "outputs" of p#build', field: 'outputs', add: ['dist/**'], file: 'turbo.json', line: 7 },
};
const report = buildReport(run, [], [shared, big, ...errors, ...infos], '0.1.0');

describe('reporters show every real root cause', () => {
  it('counts every task a root cause stands for as a task with issues (field: 12 tasks in one finding said "with issues: 2")', () => {
    // shared: a..o (15 tasks), big: p#build, errors: p0..p13 (14); info findings do not count.
    expect(report.tasksWithIssues).toBe(30);
  });

  it('terminal: all errors listed, info capped, counts and tasks shown, fix location once', () => {
    const text = formatTerminalSummary(report, { top: 5 });
    for (const e of errors) expect(text).toContain(e.path);
    expect(text).toContain('15 tasks (a#build, b#build, c#build, ...)  tsconfig.base.json');
    expect(text).toContain('packages/p/dist/** (505 files)');
    expect(text).toMatch(/\.\.\.and 25 more info findings: io-trace findings 7/);
    expect(text.match(/turbo\.json:10/g)).toHaveLength(14); // once per fix, not twice
  });

  it('findings/show: the fix location is printed once, and a group lists its files', () => {
    const lines = formatFindings([errors[0], big], colors(false), '  ');
    const fix = lines.find((l) => l.includes('fix:') && l.includes('conf0'))!;
    expect(fix.match(/turbo\.json:10/g)).toHaveLength(1);
    expect(lines.join('\n')).toContain('files: packages/p/dist/a.js, ... (io-trace files --task p#build)');
    // A summary without the location gets it appended once.
    const bare = formatFindings([{ ...big, fix: { ...big.fix!, summary: 'add "dist/**"' } }], colors(false), '  ').join('\n');
    expect(bare).toContain('fix: add "dist/**" (turbo.json:7)');
  });

  it('markdown: `top` caps info only; every error is a row', () => {
    const md = formatMarkdownReport(report, { maxBytes: 1 << 20, top: 3, compact: true });
    for (const e of errors) expect(md).toContain(`conf${e.path.match(/\d+/)![0]}.json`);
    expect(md).toContain('15 tasks:');
    expect(md).toContain('505 files');
    expect(md.match(/\| info \|/g)).toHaveLength(3);
    expect(md).toMatch(/and 27 more findings/);
  });

  it('annotations and SARIF carry the tasks and files of a root cause', () => {
    const { annotations } = buildAnnotations(report, { max: 50, pathPrefix: '' });
    const a = annotations.find((x) => x.start_line === 2)!;
    expect(a.title).toContain('15 tasks');
    expect(a.message).toContain('Tasks: a#build, b#build');
    const sarif = formatSarif(report, { pathPrefix: '' }) as { runs: { results: { properties: Record<string, unknown> }[] }[] };
    const r = sarif.runs[0].results.find((x) => x.properties.path === 'packages/p/dist/**')!;
    expect(r.properties).toMatchObject({ count: 505, samples: ['packages/p/dist/a.js'] });
  });
});
