import { parse, oneOf } from '../args.js';
import { FINDING_TYPES, SEVERITIES, SEVERITY_RANK } from '../../core/findings.js';
import { ConfigurationError } from '../../core/errors.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { colors } from '../../triage/format.js';
import { requireTask } from '../../triage/queries.js';
import { stdoutColor } from './list.js';
import { formatFindings } from './show.js';
import { explainFindings } from '../../triage/causes.js';
import type { CommandContext } from './run.js';

export const FINDINGS_HELP = `Usage: io-trace findings [options] [RUN]

Lists the findings of a run (default: the latest), with the fix for each.

Options:
  --db FILE|DIR          trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --task T               only this task's findings (as the task or the other task)
  --type TYPE            only this finding type (repeatable): ${FINDING_TYPES.join(', ')}
  --severity LEVEL       at least this severity: error, warning, info (default info)
  --json                 machine-readable output
`;

export async function findingsCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('findings', ctx.argv, {
    db: { type: 'string' },
    task: { type: 'string' },
    type: { type: 'string', multiple: true },
    severity: { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(FINDINGS_HELP);
    return 0;
  }
  const min = oneOf('--severity', values.severity, SEVERITIES, 'info');
  for (const t of values.type ?? []) {
    if (!(FINDING_TYPES as readonly string[]).includes(t)) throw new ConfigurationError(`--type ${JSON.stringify(t)}: use one of ${FINDING_TYPES.join(', ')}`);
  }
  const dbFile = locateDatabase(ctx.cwd, values.db);
  return withDatabase(dbFile, (store) => {
    const run = store.resolveRun(positionals[0]);
    if (values.task !== undefined) requireTask(store, run, values.task);
    const findings = explainFindings(store, run, store.loadFindings(run.id))
      .filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min])
      .filter((f) => !values.type?.length || values.type.includes(f.type))
      .filter((f) => values.task === undefined || f.task === values.task || f.otherTask === values.task || (f.tasks?.includes(values.task) ?? false));
    if (values.json) {
      ctx.stdout.write(JSON.stringify({ database: dbFile, run: run.id, status: run.status, findings }, null, 2) + '\n');
      return 0;
    }
    ctx.stdout.write(`run ${run.id}: ${run.status}\n` + formatFindings(findings, colors(stdoutColor(ctx)), '  ', run.startedAt).join('\n') + '\n');
    return 0;
  });
}
