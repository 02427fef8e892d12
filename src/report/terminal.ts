import type { Report } from './report.js';
import { displayCommand, displayPath, findingWhat, findingWho, fixText } from './text.js';

export interface TerminalOptions {
  /** How many info findings to list before "and N more" (errors and warnings are always listed). */
  top?: number;
  color?: boolean;
  /** Database path to mention in the triage hint. */
  dbPath?: string;
  /** The run could not be saved (no database): it has no number to look it up by. */
  unsaved?: boolean;
}

const STATUS_WORD: Record<Report['status'], string> = {
  clean: 'clean',
  issues: 'ISSUES FOUND',
  incomplete: 'INCOMPLETE (cannot vouch for a clean result)',
  'not-traced': 'NOT TRACED',
};

/**
 * The human summary printed after a run. Every line starts with two spaces or "io-trace", so no file
 * name can begin a line with a workflow command.
 */
export function formatTerminalSummary(report: Report, options: TerminalOptions = {}): string {
  const top = options.top ?? 10;
  const c = colorizer(options.color ?? false);
  const lines: string[] = [];
  const r = report.run;
  const build = r.signal ? `build killed by ${r.signal}` : `build exit ${r.exitCode}`;
  const tracer = r.tracer === 'none' ? 'untraced' : `${r.tracer}${r.tracerVersion ? ' ' + r.tracerVersion : ''}`;
  const statusColor = report.status === 'clean' ? c.green : report.status === 'issues' ? c.red : c.yellow;
  lines.push(`io-trace: ${options.unsaved ? 'run (not saved)' : `run ${r.id}`}: ${statusColor(STATUS_WORD[report.status])} (${build}, ${tracer}, ${r.eventCount.toLocaleString('en-US')} events)`);
  lines.push(`  command: ${displayCommand(r.command)}`);
  const notRun = report.tasks.filter((t) => t.status === 'not-run').length;
  const skipped = report.tasks.filter((t) => t.status === 'skipped').length;
  const cached = report.tasks.filter((t) => t.status === 'cached').length;
  const notCacheable = report.tasks.filter((t) => t.status === 'not-cacheable').length;
  lines.push(
    `  tasks analysed: ${report.tasksAnalyzed}, with issues: ${report.tasksWithIssues}` +
      (notRun ? `, not run: ${notRun}` : '') +
      (skipped ? `, not part of this build: ${skipped}` : '') +
      (cached ? `, from cache (not traced): ${cached}` : '') +
      (notCacheable ? `, never cached (not graded): ${notCacheable}` : ''),
  );
  const { error, warning, info } = report.counts;
  lines.push(`  findings: ${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info`);
  // Findings are root causes, ranked: every error and warning is listed; only info is cut.
  let infos = 0;
  for (const f of report.findings) {
    if (f.severity === 'info' && infos++ >= top) continue;
    const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.dim('info   ');
    lines.push(`  ${sev} ${f.type.padEnd(21)} ${displayPath(findingWho(f))}  ${displayPath(findingWhat(f))}`);
    if (f.samples && f.count && f.count > 1) lines.push(`          files: ${f.samples.slice(0, 3).map(displayPath).join(', ')}${f.count > 3 ? ', ...' : ''}`);
    if (f.reason) lines.push(`          note: ${displayPath(f.reason)}`);
    if (f.fix) lines.push(`          fix: ${displayPath(fixText(f.fix))}`);
  }
  if (infos > top && !options.unsaved) {
    lines.push(`  ...and ${infos - top} more info finding${infos - top === 1 ? '' : 's'}: io-trace findings ${r.id}${options.dbPath ? ` --db ${options.dbPath}` : ''}`);
  }
  if (report.incompleteReasons.length) {
    lines.push(`  ${c.yellow('trace incomplete:')}`);
    for (const why of report.incompleteReasons) lines.push(`    - ${displayPath(why)}`);
  } else if (report.status !== 'not-traced') {
    lines.push('  trace: complete');
  }
  if (r.tracerReason && (report.status === 'not-traced' || r.tracer !== 'bpftrace')) lines.push(`  tracer: ${displayPath(r.tracerReason)}`);
  if (options.dbPath) lines.push(`  database: ${displayPath(options.dbPath)}`);
  return lines.join('\n') + '\n';
}

function colorizer(on: boolean) {
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('31'), green: wrap('32'), yellow: wrap('33'), dim: wrap('2') };
}
