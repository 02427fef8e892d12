import { ConfigurationError, IoTraceError } from '../core/errors.js';
import { stderrLogger } from '../core/logger.js';
import { IO_TRACE_VERSION } from '../version.js';
import { analyzeCommand } from './commands/analyze.js';
import { planCommand } from './commands/plan.js';
import { runCommand, type CommandContext } from './commands/run.js';
import { listCommand } from './commands/list.js';
import { showCommand } from './commands/show.js';
import { transcriptCommand } from './commands/transcript.js';
import { stderrCommand } from './commands/stderr.js';
import { logCommand } from './commands/log.js';
import { filesCommand } from './commands/files.js';
import { findingsCommand } from './commands/findings.js';
import { mergeCommand } from './commands/merge.js';
import { reportCommand } from './commands/report.js';
import { fixCommand } from './commands/fix.js';
import { checkCommand } from './commands/check.js';
import { tracerCommand } from './commands/tracer.js';

const HELP = `io-trace ${IO_TRACE_VERSION}: find misconfigured build caches by tracing what each task really reads and writes

Usage:
  io-trace run [options] -- <build command...>   trace a build and check it (io-trace run --help)
  io-trace analyze [--db FILE] [RUN]             analyse a recorded run again
  io-trace plan [--plan P] [--format seed|json]  print the resolved plan (io-trace plan --help)
  io-trace list                                  recent runs: status, exit code, findings, spans, age
  io-trace show [RUN] [--task T] [--full]        one run: facts, logs, findings, spans; a task; one timeline
  io-trace transcript [RUN]                      the agent's own transcript (JSONL), raw (--items: parsed)
  io-trace log [RUN]                             the console output: stdout and stderr interleaved, raw
  io-trace stderr [RUN]                          the build's stderr, raw (--stdout: its stdout)
  io-trace files [RUN] [--task T] [--tool-call ID]  the files a run (a task, an agent's tool call) touched
  io-trace findings [RUN]                        a run's findings with fixes
  io-trace merge DB... --out FILE                combine databases (matrix jobs) into one
  io-trace report [RUN] --format html --out F    a self-contained HTML report (or --format json)
  io-trace fix [RUN] [--write]                   the config edits that fix the findings (a diff; --write applies)
  io-trace check [RUN]                           re-analyse the recorded trace against the config as it is now
  io-trace tracer start|stop|status              a standby bpftrace, attached before the build (saves 1-2 s a run)
  (triage commands take --db FILE|DIR and --json; RUN defaults to the latest)
  io-trace --version

Exit codes: the build's own exit code (128+N when killed by signal N); else 1 when --fail-on is met;
2 for a usage or configuration error; 3 when io-trace itself failed.
`;

const COMMANDS: Record<string, (ctx: CommandContext) => Promise<number>> = {
  run: runCommand,
  analyze: analyzeCommand,
  plan: planCommand,
  list: listCommand,
  show: showCommand,
  transcript: transcriptCommand,
  log: logCommand,
  stderr: stderrCommand,
  files: filesCommand,
  findings: findingsCommand,
  merge: mergeCommand,
  report: reportCommand,
  fix: fixCommand,
  check: checkCommand,
  tracer: tracerCommand,
};

/** The CLI: maps typed errors to exit codes. The only place that decides io-trace's own exit status. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const verbose = rest.includes('--verbose');
  const log = stderrLogger(verbose);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${IO_TRACE_VERSION}\n`);
    return 0;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    log.error(`unknown command ${JSON.stringify(command)}; see io-trace --help`);
    return 2;
  }
  const color = !process.env.NO_COLOR && process.stderr.isTTY === true;
  try {
    return await handler({ argv: rest, cwd: process.cwd(), log, stdout: process.stdout, stderr: process.stderr, color });
  } catch (e) {
    if (e instanceof ConfigurationError) {
      log.error(e.message);
      return 2;
    }
    if (e instanceof IoTraceError) {
      log.error(e.message);
      return 3;
    }
    log.error(`internal error: ${(e as Error).stack ?? String(e)}`);
    return 3;
  }
}
