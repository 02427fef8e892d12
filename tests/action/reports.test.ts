import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import { byteLength, fencedCode, formatMarkdownReport, mdText } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/report.js';
import { formatSarif } from '../../src/report/sarif.js';

export function fakeReport(findings: Finding[], over: Partial<Report> = {}): Report {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    schemaVersion: 1,
    tool: { name: 'io-trace', version: '0.1.0' },
    status: findings.some((f) => f.severity !== 'info') ? 'issues' : 'clean',
    incompleteReasons: [],
    tasksAnalyzed: 2,
    tasksWithIssues: new Set(findings.map((f) => f.task)).size,
    counts,
    run: {
      id: 1, command: ['npm', 'run', 'build'], cwd: '/w', workspaceRoot: '/w', planSource: 'file', planFile: '/w/io-trace.plan.json',
      tracer: 'bpftrace', tracerVersion: '0.20.2', tracerReason: 'auto', startedAt: new Date(0).toISOString(), durationMs: 1200,
      exitCode: 0, signal: null, eventCount: 1234, lostEvents: 0, stdoutPath: null, stderrPath: null, logPath: null, transcriptPath: null,
    },
    tasks: [{ taskId: 'lib:build', status: 'analyzed', reads: 3, writes: 1, findings: findings.length }],
    findings,
    ...over,
  };
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>.txt',
  '@octocat/team-secret.js',
  'fixes #123 and GH-1.md',
  'a`b``c```d.txt',
  'pipe|in|name.txt',
  'line\n::set-output name=status::clean',
  '[click](javascript:alert(1))',
  '"quoted" & \'single\'.txt',
  'https://evil.example/x www.evil.example',
  '- starts like a list',
];

function finding(p: string, i = 0, over: Partial<Finding> = {}): Finding {
  return {
    task: i % 2 ? 'app:build' : 'lib:build',
    type: 'unexpected_read',
    path: p,
    severity: 'error',
    message: `lib:build read ${p}, not in its inputs`,
    fix: { summary: `add ${JSON.stringify(p)} to "inputs" of lib:build (io-trace.plan.json:7)`, field: 'inputs', add: [p], file: 'io-trace.plan.json', line: 7 },
    ...over,
  };
}

describe('Markdown report', () => {
  it('renders hostile file names as inert text: no HTML, no mention, no issue link, no link, one line per row', () => {
    const md = formatMarkdownReport(fakeReport(HOSTILE.map((p) => finding(p))), { maxBytes: 1 << 20 });
    expect(md).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    expect(md).not.toMatch(/@(?!&#8203;)octocat/);
    expect(md).not.toMatch(/#(?!&#8203;)123/);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('\\[click\\](javascript:');
    expect(md).not.toMatch(/https:\/\/evil/);
    expect(md).not.toMatch(/www\.evil/);
    expect(md).not.toMatch(/^::set-output/m);
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;'.replace(/\\\(|\\\)/g, (m) => m[1]));
    expect(md).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    const rows = md.split('\n').filter((l) => l.startsWith('| error |'));
    expect(rows).toHaveLength(HOSTILE.length);
    // Every row has exactly 6 unescaped pipes (5 cells): a | in a name cannot add a column.
    for (const r of rows) expect(r.replace(/\\\|/g, '').split('|')).toHaveLength(7);
  });

  it('escapes text helpers the way GitHub needs', () => {
    expect(mdText('1. not a list')).toBe('1\\. not a list');
    expect(mdText('*bold* _it_')).toBe('\\*bold\\* \\_it\\_');
    expect(fencedCode('echo ```x````')).toBe('`````\necho ```x````\n`````');
    expect(fencedCode('plain')).toBe('```\nplain\n```');
  });

  it('stays inside the size budget with "and N more"', () => {
    const many = Array.from({ length: 5000 }, (_, i) => finding(`packages/app/src/generated/file-${i}-${'x'.repeat(80)}.ts`, i));
    const report = fakeReport(many);
    for (const max of [65535, 1024 * 1024 - 4096, 3000]) {
      const md = formatMarkdownReport(report, { maxBytes: max, top: 10_000 });
      expect(byteLength(md)).toBeLessThanOrEqual(max);
      expect(md).toMatch(/\.\.\.and \d+ more findings/);
    }
  });

  it('says why the trace is incomplete and never looks clean then', () => {
    const md = formatMarkdownReport(fakeReport([], { status: 'incomplete', incompleteReasons: ['bpftrace lost 12 events'] }), { maxBytes: 65535 });
    expect(md).toContain(':warning: incomplete');
    expect(md).toContain('- bpftrace lost 12 events');
  });
});

describe('check annotations', () => {
  it('land on the config line, repository-relative, grouped per line/task/type, capped by max', () => {
    const fs = [finding('a.txt'), finding('b.txt'), finding('c.txt', 1), finding('d.txt', 0, { type: 'missing_output', severity: 'warning' }), finding('e.txt', 0, { fix: undefined })];
    const { annotations, omitted } = buildAnnotations(fakeReport(fs), { max: 50, pathPrefix: 'examples/basic' });
    expect(annotations).toHaveLength(3);
    expect(omitted).toBe(0);
    expect(annotations[0]).toMatchObject({ path: 'examples/basic/io-trace.plan.json', start_line: 7, end_line: 7, annotation_level: 'failure' });
    expect(annotations.find((a) => a.annotation_level === 'warning')?.title).toBe('missing_output: lib:build');
    const grouped = annotations.find((a) => a.message.startsWith('2 unexpected_read'));
    expect(grouped?.raw_details).toBe('a.txt\nb.txt');
    const capped = buildAnnotations(fakeReport(Array.from({ length: 120 }, (_, i) => finding(`f${i}`, 0, { task: `t${i}:build` }))), { max: 75, pathPrefix: '' });
    expect(capped.annotations).toHaveLength(75);
    expect(capped.omitted).toBe(45);
  });
});

describe('SARIF', () => {
  it('is SARIF 2.1.0 with one rule per finding type and results at the line to fix', () => {
    const sarif = formatSarif(fakeReport([finding('config/banner.txt'), finding('x', 0, { type: 'unused_input', severity: 'info', fix: undefined })]), { pathPrefix: 'examples/basic' }) as any;
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('undeclared_dependency');
    expect(run.results[0]).toMatchObject({ ruleId: 'unexpected_read', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'examples/basic/io-trace.plan.json' }, region: { startLine: 7 } } }] });
    expect(run.results[0].relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('examples/basic/config/banner.txt');
    expect(run.results[1]).toMatchObject({ level: 'note', locations: [{ physicalLocation: { artifactLocation: { uri: 'examples/basic/x' } } }] });
    expect(run.results[0].ruleIndex).toBe(run.tool.driver.rules.findIndex((r: { id: string }) => r.id === 'unexpected_read'));
  });
});
