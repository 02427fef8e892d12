import { SEVERITY_RANK, type Finding } from '../core/findings.js';
import type { Report } from './report.js';
import { displayCommand, displayPath, findingWho, fixText } from './text.js';

/**
 * The Markdown report (job summary, check run output, PR comment). Every string that came from the
 * build (paths, commands, task names, messages) goes through `mdText` / `mdCode` / `fencedCode`:
 * GitHub renders this Markdown as HTML, and GitHub's summary API does no escaping of its own, so a
 * file named `<img src=x onerror=...>` or `@org/team` must arrive as inert text.
 */

export interface MarkdownOptions {
  /** Size budget in UTF-8 bytes (job summary: 1 MiB; check run text: 65535 characters). */
  maxBytes: number;
  /** First heading (default "io-trace"). */
  title?: string;
  /** Info findings listed at most (errors and warnings are always listed while the size budget allows). */
  top?: number;
  /** Extra notes shown under the verdict (e.g. why tracing was degraded); escaped here. */
  notes?: string[];
  /** Where the full evidence is (e.g. `the "io-trace-build" artifact`); escaped here. */
  evidence?: string;
  /** Leave out the per-task table and the command (for short surfaces like a PR comment). */
  compact?: boolean;
  /** Text placed first, verbatim (a hidden marker comment); must be trusted. */
  preamble?: string;
}

const HEADLINE: Record<Report['status'], string> = {
  clean: ':white_check_mark: clean',
  issues: ':x: issues found',
  incomplete: ':warning: incomplete (cannot vouch for a clean result)',
  'not-traced': ':grey_question: not traced',
};

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const ZWSP = '&#8203;';

/**
 * Untrusted text as inert Markdown inline content: control characters shown escaped (a newline cannot
 * end a table row), Markdown punctuation backslash-escaped (links, emphasis, code, tables, headings), `& < > " '` as entities, and `@name`,
 * `#123`, `://` and `www.` broken with a zero-width space so nobody is pinged, no issue is linked and
 * no URL becomes a link.
 */
export function mdText(s: string): string {
  return displayPath(s)
    .replace(/[\\`*_{}[\]#|~]/g, '\\$&')
    // List markers and ordered-list numbers only matter at the start.
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/[&<>"']/g, (c) => HTML_ENTITY[c])
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWSP}`)
    .replace(/\\#(?=\d)/g, `\\#${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

/** Untrusted text in a monospace element (file names, task ids); escaped as `mdText`. */
export function mdCode(s: string): string {
  return `<code>${mdText(s)}</code>`;
}

/** A fenced code block whose fence is longer than any backtick run in the content, so it cannot be closed early. */
export function fencedCode(content: string, info = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content.replace(/\n$/, '')}\n${fence}`;
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Findings in the order people should read them: errors first, then warnings, then info; within a
 * severity the analyser's ranking (likely impact) is kept (the sort is stable).
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function verdictLine(report: Report): string {
  const r = report.run;
  const build = r.signal ? `was killed by ${r.signal}` : `exited with ${r.exitCode}`;
  const tracer = r.tracer === 'none' ? 'not traced' : `traced with ${r.tracer}${r.tracerVersion ? ' ' + r.tracerVersion : ''}`;
  const secs = r.durationMs !== null ? ` in ${(r.durationMs / 1000).toFixed(1)} s` : '';
  return `The build ${mdText(build)}${secs}, ${mdText(tracer)}, ${r.eventCount.toLocaleString('en-US')} events.`;
}

function findingRow(f: Finding): string {
  // Every piece below is escaped; `|` is escaped by mdText.
  const who = f.tasks && f.tasks.length > 1 ? `${f.tasks.length} tasks: ${f.tasks.slice(0, 8).map(mdCode).join(', ')}${f.tasks.length > 8 ? ', ...' : ''}` : mdCode(findingWho(f));
  const files = f.count && f.count > 1 ? ` (${f.count} files${f.samples?.length ? `, e.g. ${f.samples.slice(0, 3).map(mdCode).join(', ')}` : ''})` : '';
  const why = f.reason ? ` ${mdText(`(${f.reason})`)}` : '';
  const fix = f.fix ? mdText(fixText(f.fix)) : '';
  return `| ${f.severity} | ${f.type} | ${who} | ${mdCode(f.path)}${files}${why} | ${fix} |`;
}

/**
 * The report as Markdown within `maxBytes`: verdict, counts, findings table (errors first), reasons the
 * trace is incomplete, tasks and the command. Rows that do not fit become "and N more".
 */
export function formatMarkdownReport(report: Report, options: MarkdownOptions): string {
  const top = options.top ?? 200;
  const head: string[] = [];
  if (options.preamble) head.push(options.preamble);
  head.push(`## ${mdText(options.title ?? 'io-trace')}: ${HEADLINE[report.status]}`, '');
  head.push(verdictLine(report), '');
  const { error, warning, info } = report.counts;
  head.push(
    `**${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info** in ${plural(report.tasksWithIssues, 'task')} ` +
      `(${report.tasksAnalyzed} analysed).`,
    '',
  );
  for (const n of options.notes ?? []) head.push(`> ${mdText(n)}`, '');
  if (report.incompleteReasons.length) {
    head.push(report.status === 'not-traced' ? '**Why no trace:**' : '**Why the trace is incomplete:**', '');
    for (const why of report.incompleteReasons) head.push(`- ${mdText(why)}`);
    head.push('');
  }
  if (report.status === 'not-traced' && report.run.tracerReason && !options.notes?.length) head.push(`Tracer: ${mdText(report.run.tracerReason)}`, '');

  const tail: string[] = [];
  if (!options.compact && report.tasks.length) {
    tail.push('<details><summary>Tasks</summary>', '', '| Task | Status | Files read | Files written | Findings |', '|---|---|---:|---:|---:|');
    for (const t of report.tasks.slice(0, 500)) tail.push(`| ${mdCode(t.taskId)} | ${t.status} | ${t.reads} | ${t.writes} | ${t.findings} |`);
    if (report.tasks.length > 500) tail.push(`| and ${report.tasks.length - 500} more | | | | |`);
    tail.push('', '</details>', '');
  }
  if (!options.compact) {
    tail.push('<details><summary>Command</summary>', '', fencedCode(displayCommand(report.run.command), 'sh'), '', '</details>', '');
  }
  if (options.evidence) tail.push(`Evidence (trace database, build logs, JSON report): ${mdText(options.evidence)}.`, '');

  // Findings are root causes: every error and warning is listed (up to the size budget, errors first);
  // only info findings are capped by `top`.
  let infos = 0;
  const findings = sortFindings(report.findings).filter((f) => f.severity !== 'info' || infos++ < top);
  const tableHead = findings.length ? ['### Findings', '', '| Severity | Finding | Task | Path | Fix |', '|---|---|---|---|---|'] : [];
  const join = (parts: string[]) => parts.join('\n');
  let headText = join(head);
  let tailText = join(tail);
  // Tail first out when even it does not fit (a tiny budget).
  if (byteLength(headText) + byteLength(tailText) > options.maxBytes) tailText = '';
  if (byteLength(headText) > options.maxBytes) headText = truncateBytes(headText, options.maxBytes - 40) + '\n\n(summary truncated)';

  const moreLine = (n: number) => `\n\n...and ${plural(n, 'more finding')} (${options.evidence ? 'see ' + mdText(options.evidence) : 'see the JSON report'}).`;
  let used = byteLength(headText) + byteLength(tailText) + 2 + byteLength(join(tableHead)) + byteLength(moreLine(report.findings.length)) + 2;
  const rows: string[] = [];
  for (const f of findings) {
    const row = findingRow(f);
    const size = byteLength(row) + 1;
    if (used + size > options.maxBytes) break;
    rows.push(row);
    used += size;
  }
  const parts = [headText];
  const left = report.findings.length - rows.length;
  if (rows.length) parts.push(join([...tableHead, ...rows]) + (left > 0 ? moreLine(left) : ''));
  else if (left > 0) parts.push(moreLine(left).trimStart());
  parts.push('', tailText);
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Cut a string to at most `max` UTF-8 bytes without splitting a character. */
export function truncateBytes(s: string, max: number): string {
  if (byteLength(s) <= max) return s;
  const buf = Buffer.from(s, 'utf8').subarray(0, Math.max(0, max));
  return buf.toString('utf8').replace(/\uFFFD$/, '');
}
