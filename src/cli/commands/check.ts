import path from 'node:path';
import { emptyIgnoreRules, mergeIgnoreRules } from '../../config/ignore.js';
import { loadConfigFile } from '../../config/config.js';
import { ConfigurationError, StoreError } from '../../core/errors.js';
import { SEVERITY_RANK, type Finding } from '../../core/findings.js';
import { resolvePlan } from '../../plan/resolve.js';
import { analyseRun } from '../../run/analyse-run.js';
import { TraceStore, type AnalysisRecord } from '../../store/store.js';
import { locateDatabase, openForTriage } from '../../triage/db.js';
import { displayPath } from '../../report/text.js';
import { oneOf, parse } from '../args.js';
import { rebase } from '../../fix/run-fixes.js';
import { workspaceFor } from './fix.js';
import type { CommandContext } from './run.js';

export const CHECK_HELP = `Usage: io-trace check [options] [RUN]

Re-analyses a recorded trace (default: the latest run) against the config as it is now, without
rebuilding: resolves the plan again with the workspace's own nx / turbo (or the plan file), judges the
recorded file accesses against it, and says per finding whether it is fixed, still there, or new.
The run's own findings are kept; this analysis is recorded beside them (not with --dry-run).

Options:
  --db FILE|DIR     trace database, or a downloaded artifact folder (default .io-trace/trace.db)
  --workspace DIR   the workspace whose config to read (default: the run's, if it exists here, else the current directory)
  --dry-run         write nothing to the database
  --ignore GLOB     ignore paths (repeatable)
  --config FILE     config file (default <workspace>/io-trace.config.json)
  --fail-on none|warning|error   exit 1 while findings of this severity remain (default error)
  --json            the comparison as JSON
`;

type State = AnalysisRecord['comparison'][number]['state'];

export async function checkCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('check', ctx.argv, {
    db: { type: 'string' },
    workspace: { type: 'string' },
    'dry-run': { type: 'boolean' },
    ignore: { type: 'string', multiple: true },
    config: { type: 'string' },
    'fail-on': { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(CHECK_HELP);
    return 0;
  }
  const failOn = oneOf('--fail-on', values['fail-on'], ['none', 'warning', 'error'] as const, 'error');
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const dryRun = !!values['dry-run'];
  // Recording the analysis writes (and upgrades an older schema); a dry run only reads.
  let store: TraceStore;
  try {
    store = dryRun ? openForTriage(dbFile) : TraceStore.create(dbFile);
  } catch (e) {
    // A downloaded artifact in a folder io-trace may not write: the analysis cannot be recorded there.
    if (e instanceof StoreError && !dryRun) throw new StoreError(`${e.message} (--dry-run checks without recording the analysis)`);
    throw e;
  }
  try {
    const run = store.resolveRun(positionals[0]);
    if (run.tracer === 'none') throw new ConfigurationError(`run ${run.id} was not traced: there is no trace to check (run the build under io-trace again)`);
    const workspace = workspaceFor(run, ctx.cwd, values.workspace);
    const spec = run.planFile ? rebase(run.planFile, run, workspace) : (run.planSource ?? 'auto');
    const plan = await resolvePlan({ spec, cwd: workspace, command: run.command, tasks: store.loadTasks(run.id).map((t) => t.id), log: ctx.log });
    const ignore = mergeIgnoreRules(loadConfigFile(values.config, workspace), { ...emptyIgnoreRules(), all: values.ignore ?? [] });
    const outRel = path.relative(run.workspaceRoot ?? run.cwd, path.dirname(dbFile));
    const before = store.loadFindings(run.id);
    const report = analyseRun(store, run.id, {
      ignore,
      extraIgnores: outRel && !outRel.startsWith('..') ? [outRel] : [],
      plan,
      save: false,
    });
    const comparison = compareFindings(before, report.findings);
    if (!dryRun) {
      store.saveAnalysis({
        runId: run.id,
        kind: 'check',
        createdAt: Date.now(),
        workspace,
        status: report.status,
        incompleteReasons: report.incompleteReasons,
        findings: report.findings,
        comparison,
      });
    }
    const min = failOn === 'none' ? Infinity : SEVERITY_RANK[failOn];
    const failing = comparison.filter((c) => c.state !== 'fixed' && SEVERITY_RANK[c.finding.severity] >= min);
    if (values.json) {
      ctx.stdout.write(JSON.stringify({ database: dbFile, run: run.id, workspace, status: report.status, incompleteReasons: report.incompleteReasons, comparison, recorded: !dryRun }, null, 2) + '\n');
    } else {
      ctx.stdout.write(formatComparison(run.id, plan.source, comparison, report.status, report.incompleteReasons));
    }
    return failing.length ? 1 : 0;
  } finally {
    store.close();
  }
}

/** Identity of a finding across analyses: what, where, which task (messages and fixes may change). */
function key(f: Finding): string {
  return [f.type, f.task, f.path, f.otherTask ?? ''].join('\0');
}

export function compareFindings(before: readonly Finding[], after: readonly Finding[]): { state: State; finding: Finding }[] {
  const now = new Map(after.map((f) => [key(f), f]));
  const was = new Set(before.map(key));
  return [
    ...before.map((f) => (now.has(key(f)) ? { state: 'still-there' as const, finding: now.get(key(f))! } : { state: 'fixed' as const, finding: f })),
    ...after.filter((f) => !was.has(key(f))).map((f) => ({ state: 'new' as const, finding: f })),
  ];
}

const LABEL: Record<State, string> = { fixed: 'fixed      ', 'still-there': 'still there', new: 'new        ' };

function formatComparison(runId: number, source: string, comparison: { state: State; finding: Finding }[], status: string, reasons: string[]): string {
  const lines = [`io-trace check: run ${runId} re-analysed against the ${source} config as it is now (no rebuild)`];
  for (const { state, finding: f } of comparison) {
    lines.push(`  ${LABEL[state]}  ${f.severity.padEnd(7)} ${f.type.padEnd(21)} ${f.task}  ${displayPath(f.path)}${f.otherTask ? ` (${f.otherTask})` : ''}`);
    if (state !== 'fixed' && f.fix) lines.push(`               fix: ${f.fix.summary}`);
  }
  const n = (s: State) => comparison.filter((c) => c.state === s).length;
  lines.push(`  ${n('fixed')} fixed, ${n('still-there')} still there, ${n('new')} new; status now: ${status}`);
  for (const r of reasons) lines.push(`  incomplete: ${r}`);
  return lines.join('\n') + '\n';
}
