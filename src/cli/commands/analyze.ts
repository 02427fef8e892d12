import path from 'node:path';
import { mergeIgnoreRules, emptyIgnoreRules } from '../../config/ignore.js';
import { loadConfigFile } from '../../config/config.js';
import { analyseRun } from '../../run/analyse-run.js';
import { formatTerminalSummary } from '../../report/terminal.js';
import { TraceStore } from '../../store/store.js';
import { oneOf, parse } from '../args.js';
import { exitCodeFor, writeReport, type CommandContext } from './run.js';

export const ANALYZE_HELP = `Usage: io-trace analyze [options] [RUN]

Analyses a recorded run again (default: the latest) and prints its findings; use it to try new ignore
rules on an existing trace, or to produce the JSON report from a downloaded database.

Options:
  --db FILE         trace database (default .io-trace/trace.db)
  --json FILE       write the JSON report
  --ignore GLOB     ignore paths (repeatable)
  --config FILE     config file (default <workspace>/io-trace.config.json)
  --fail-on none|warning|error   exit 1 when findings reach this severity
`;

export async function analyzeCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('analyze', ctx.argv, {
    db: { type: 'string' },
    json: { type: 'string' },
    ignore: { type: 'string', multiple: true },
    config: { type: 'string' },
    'fail-on': { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(ANALYZE_HELP);
    return 0;
  }
  const failOn = oneOf('--fail-on', values['fail-on'], ['none', 'warning', 'error'] as const, 'none');
  const dbPath = path.resolve(ctx.cwd, values.db ?? '.io-trace/trace.db');
  const store = TraceStore.openExisting(dbPath);
  try {
    const run = store.resolveRun(positionals[0]);
    const root = run.workspaceRoot ?? run.cwd;
    const ignore = mergeIgnoreRules(loadConfigFile(values.config, root), { ...emptyIgnoreRules(), all: values.ignore ?? [] });
    const outRel = path.relative(root, path.dirname(dbPath));
    const report = analyseRun(store, run.id, { ignore, extraIgnores: outRel && !outRel.startsWith('..') ? [outRel] : [] });
    if (values.json) writeReport(path.resolve(ctx.cwd, values.json), report);
    ctx.stderr.write(formatTerminalSummary(report, { color: ctx.color, dbPath: path.relative(ctx.cwd, dbPath) || dbPath }));
    return exitCodeFor(0, report, failOn);
  } finally {
    store.close();
  }
}
