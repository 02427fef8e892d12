import { parse } from '../args.js';
import { StoreError } from '../../core/errors.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { colors, duration, safe, table } from '../../triage/format.js';
import { copyRaw, type ByteSink } from '../../triage/raw.js';
import { runFile } from '../../triage/run-files.js';
import { checkHint, readTranscriptFile } from '../../transcript/index.js';
import { stdoutColor } from './list.js';
import type { CommandContext } from './run.js';

export const TRANSCRIPT_HELP = `Usage: io-trace transcript [options] [RUN]

Prints an agent run's transcript (default: the latest run) byte for byte: the agent's own JSONL (its
stdout when an adapter recognised it, or the file given to run --transcript). Pipe it:
io-trace transcript | jq 'select(.type == "assistant")'. The interleaved console output is io-trace log.

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --items           list the parsed tool calls and messages instead of the raw bytes
  --agent HINT      how to parse with --items: auto (default), claude, codex, jsonl, text
  --json            with --items: machine-readable output
`;

export async function transcriptCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('transcript', ctx.argv, {
    db: { type: 'string' },
    items: { type: 'boolean' },
    agent: { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(TRANSCRIPT_HELP);
    return 0;
  }
  const hint = checkHint(values.agent);
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const { run, file } = await withDatabase(dbFile, (store) => {
    const run = store.resolveRun(positionals[0]);
    return { run, file: runFile(dbFile, run, 'transcript') };
  });
  if (file.path === null) {
    throw new StoreError(
      `run ${run.id} in ${dbFile} has no agent transcript: its stdout is not JSONL an adapter recognises and run --transcript FILE was not given; its console output is \`io-trace log ${run.id}\``,
    );
  }
  if (!values.items && !values.json) {
    await copyRaw(file, run.id, dbFile, ctx.stdout as ByteSink);
    return 0;
  }
  if (!file.exists) await copyRaw(file, run.id, dbFile, ctx.stdout as ByteSink); // throws, naming what is missing
  const parsed = readTranscriptFile(file.path, { hint, timesFile: file.times ?? null });
  if (values.json) {
    ctx.stdout.write(JSON.stringify({ database: dbFile, run: run.id, file: file.path, ...parsed }, null, 2) + '\n');
    return 0;
  }
  const c = colors(stdoutColor(ctx));
  ctx.stdout.write(`transcript of run ${run.id}: ${parsed.format} (${safe(parsed.reason)}), ${parsed.items.length} items${parsed.badLines ? `, ${parsed.badLines} non-JSON lines` : ''}\n`);
  const rows = parsed.items
    .filter((i) => i.kind !== 'text' || parsed.format === 'text')
    .map((i) => [
      String(i.line),
      i.ts === undefined ? '-' : `+${duration(i.ts - run.startedAt)}`,
      i.kind === 'tool_result' && i.isError ? c.red('tool_error') : i.kind,
      safe(i.name ?? i.role ?? ''),
      i.kind === 'tool_call' || i.kind === 'tool_result' ? safe(i.id ?? '') : '',
      safe(flat(i.text ?? '')),
    ]);
  ctx.stdout.write(table(['LINE', 'AT', 'KIND', 'WHO', 'ID', 'TEXT'], rows, '  '));
  return 0;
}

function flat(s: string, max = 160): string {
  const f = s.replace(/\s+/g, ' ').trim();
  return f.length > max ? f.slice(0, max - 1) + '…' : f;
}
