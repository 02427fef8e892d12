import { parse } from '../args.js';
import type { RunRecord, TraceStore } from '../../store/store.js';
import { locateDatabase, withDatabase } from '../../triage/db.js';
import { ChunkedWriter, age, colors, displayCommand, duration, isoTime, safe, table, type Colors } from '../../triage/format.js';
import { findingWhat, findingWho, fixText } from '../../report/text.js';
import { runMetrics, runSpans, runTasks, sourceOf, taskDetail, type FileRow, type ProcessNode, type SpanView } from '../../triage/queries.js';
import { explainFindings, formatCause, type ExplainedFinding } from '../../triage/causes.js';
import { runFiles, type RunFile } from '../../triage/run-files.js';
import { errnoName, mergeTimeline, timelineSources, type AccessRow, type TimelineEntry } from '../../triage/timeline.js';
import { checkHint, type ParsedTranscript, type TranscriptHint } from '../../transcript/index.js';
import { attributeToolCalls, readsAndWrites, type CallFile, type CallProcess, type ToolCallAttribution } from '../../triage/tool-calls.js';
import { loadRunLog, loadRunTranscript } from '../../triage/transcript.js';
import { statusColor, stdoutColor } from './list.js';
import type { CommandContext } from './run.js';

export const SHOW_HELP = `Usage: io-trace show [options] [RUN]

Shows one run (default: the latest): its facts, where its transcript and logs are, its findings, and
io-trace's spans (where the time went), with the error under a failed span.

Options:
  --db FILE|DIR     trace database, or a folder holding trace.db (default .io-trace/trace.db)
  --task T          one task: its processes, the files it read and wrote, its findings
  --full            an agent run's tool calls, each with the files it read and wrote (and what the
                    agent touched outside any call); then one timeline: spans, processes, transcript
                    tool calls and every file access, by time ({ID}: the tool call that made it)
  --agent HINT      how to read the transcript: auto (default), claude, codex, jsonl, text
  --json            machine-readable output
`;

export async function showCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('show', ctx.argv, {
    db: { type: 'string' },
    task: { type: 'string' },
    full: { type: 'boolean' },
    agent: { type: 'string' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(SHOW_HELP);
    return 0;
  }
  const hint = checkHint(values.agent);
  const dbFile = locateDatabase(ctx.cwd, values.db);
  const c = colors(stdoutColor(ctx));
  return withDatabase(dbFile, (store) => {
    const run = store.resolveRun(positionals[0]);
    if (values.full) {
      showFull(ctx, store, dbFile, run, { json: values.json === true, hint, ...(values.task !== undefined ? { task: values.task } : {}) }, c);
      return 0;
    }
    if (values.task !== undefined) {
      const detail = taskDetail(store, run, values.task);
      if (values.json) ctx.stdout.write(JSON.stringify({ database: dbFile, run: run.id, ...detail }, null, 2) + '\n');
      else ctx.stdout.write(formatTask(run, detail, c));
      return 0;
    }
    const view = runView(store, dbFile, run);
    if (values.json) ctx.stdout.write(JSON.stringify({ database: dbFile, ...view }, null, 2) + '\n');
    else ctx.stdout.write(formatRun(view, c));
    return 0;
  });
}

export interface RunView {
  run: RunRecord;
  source: string | null;
  files: RunFile[];
  tasks: ReturnType<typeof runTasks>;
  taskFindings: Record<string, number>;
  findings: ExplainedFinding[];
  spans: SpanView[];
  metrics: ReturnType<typeof runMetrics>;
}

export function runView(store: TraceStore, dbFile: string, run: RunRecord): RunView {
  const findings = explainFindings(store, run, store.loadFindings(run.id));
  const taskFindings: Record<string, number> = {};
  for (const f of findings) taskFindings[f.task] = (taskFindings[f.task] ?? 0) + 1;
  return {
    run,
    source: sourceOf(run),
    files: runFiles(dbFile, run),
    tasks: runTasks(store, run.id),
    taskFindings,
    findings,
    spans: runSpans(store, run.id),
    metrics: runMetrics(store, run.id),
  };
}

/** Every line starts with a fixed word or two spaces, and untrusted text is escaped: no file name can forge a line. */
export function formatRun(view: RunView, c: Colors, now = Date.now()): string {
  const { run } = view;
  const out: string[] = [];
  const build = run.signal ? `build killed by ${run.signal}` : run.exitCode === null ? 'build did not finish' : `build exit ${run.exitCode}`;
  const tracer = run.tracer === 'none' ? 'untraced' : `${run.tracer}${run.tracerVersion ? ' ' + run.tracerVersion : ''}`;
  out.push(`run ${run.id}: ${statusColor(run.status, c)} (${build}, ${tracer}, ${duration(run.endedAt !== null ? run.endedAt - run.startedAt : null)}, ${age(run.startedAt, now)})`);
  out.push(`  command:   ${displayCommand(run.command)}`);
  out.push(`  cwd:       ${safe(run.cwd)}`);
  if (run.workspaceRoot && run.workspaceRoot !== run.cwd) out.push(`  workspace: ${safe(run.workspaceRoot)}`);
  out.push(`  plan:      ${run.planSource ?? '-'}${run.planFile ? ` (${safe(run.planFile)})` : ''}`);
  out.push(`  started:   ${isoTime(run.startedAt)}${run.endedAt !== null ? `, ended ${isoTime(run.endedAt)}` : ''}`);
  out.push(`  tracer:    ${tracer}${run.tracerReason ? `: ${safe(run.tracerReason)}` : ''}`);
  out.push(`  events:    ${run.eventCount.toLocaleString('en-US')}${run.lostEvents ? `, ${c.red(`${run.lostEvents} lost`)}` : ''}`);
  const h = run.host as Record<string, unknown>;
  const hostBits = [h.os, h.arch, h.node && `node ${h.node}`, h.hostname && `host ${h.hostname}`].filter(Boolean).map((x) => safe(String(x)));
  if (hostBits.length) out.push(`  host:      ${hostBits.join(', ')}`);
  const gh = h.github as Record<string, unknown> | undefined;
  if (gh) {
    const bits = [
      gh.repository && `${gh.repository}`,
      gh.runId && `run ${gh.runId}${gh.runAttempt ? ` (attempt ${gh.runAttempt})` : ''}`,
      gh.workflow && `workflow ${gh.workflow}`,
      gh.job && `job ${gh.job}`,
      gh.pr && `PR #${gh.pr}`,
      gh.headSha ? `head ${String(gh.headSha).slice(0, 12)}` : gh.sha && `sha ${String(gh.sha).slice(0, 12)}`,
      gh.runnerOs && `runner ${gh.runnerOs}${gh.runnerArch ? '/' + gh.runnerArch : ''}`,
    ].filter(Boolean).map((x) => safe(String(x)));
    out.push(`  github:    ${bits.join(', ')}`);
    if (gh.url) out.push(`             ${safe(String(gh.url))}`);
  }
  if (view.source) out.push(`  merged:    from ${safe(view.source)}`);
  if (run.incompleteReasons.length) {
    out.push(`  ${c.yellow('incomplete:')}`);
    for (const r of run.incompleteReasons) out.push(`    - ${safe(r)}`);
  }
  out.push('  logs:');
  for (const f of view.files) {
    const format = f.which === 'transcript' && run.transcriptFormat ? `, ${run.transcriptFormat}` : '';
    const none = f.which === 'transcript' ? '(none: stdout is not an agent\'s JSONL)' : '(none recorded)';
    const where = f.path === null ? none : `${safe(f.path)}${f.exists ? ` (${bytes(f.bytes ?? 0)}${format})` : c.yellow(' (missing)')}`;
    out.push(`    ${f.which.padEnd(11)} ${where}`);
  }

  if (view.tasks.length) {
    out.push(`  tasks (${view.tasks.length}):`);
    out.push(
      table(
        ['TASK', 'STATUS', 'PROCS', 'TIME', 'FINDINGS'],
        view.tasks.map((t) => [safe(t.taskId), t.status ?? '-', String(t.processCount), duration(t.startedAt !== null && t.endedAt !== null ? t.endedAt - t.startedAt : null), String(view.taskFindings[t.taskId] ?? 0)]),
        '    ',
      ).trimEnd(),
    );
  }
  out.push(...formatFindings(view.findings, c, '  ', run.startedAt));
  out.push(...formatSpans(view.spans, run.startedAt, c));
  if (view.metrics.length) out.push(`  metrics:   ${view.metrics.map((m) => `${safe(m.name)}=${m.value.toLocaleString('en-US')}`).join(', ')}`);
  return out.join('\n') + '\n';
}

export function formatFindings(findings: ExplainedFinding[], c: Colors, indent: string, runStart?: number): string[] {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  out.push(`${indent}findings: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info`);
  for (const f of findings) {
    const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.dim('info   ');
    out.push(`${indent}  ${sev} ${f.type.padEnd(21)} ${safe(findingWho(f, 5))}  ${safe(findingWhat(f))}`);
    if (f.tasks && f.tasks.length > 5) out.push(`${indent}          tasks: ${safe(f.tasks.join(', '))}`);
    if (f.samples && f.count && f.count > 1) out.push(`${indent}          files: ${safe(f.samples.join(', '))}${f.count > f.samples.length ? `, ... (io-trace files --task ${safe(f.task)})` : ''}`);
    if (f.reason) out.push(`${indent}          note: ${safe(f.reason)}`);
    // The summary usually names the file and line already: say the location once.
    if (f.fix) out.push(`${indent}          fix: ${safe(fixText(f.fix))}`);
    if (f.cause && runStart !== undefined) out.push(`${indent}          why: ${safe(formatCause(f.cause, runStart))}`);
  }
  return out;
}

export function formatSpans(spans: SpanView[], runStart: number, c: Colors): string[] {
  if (spans.length === 0) return ['  spans: none recorded'];
  const rows = spans.map((s) => {
    const label = `${'  '.repeat(s.depth)}${safe(s.name)}${s.name === 'task' && s.attributes.task !== undefined ? ` ${safe(String(s.attributes.task))}` : ''}${s.derived ? c.dim(' (from processes)') : ''}`;
    const status = s.status === 'error' ? c.red('error') : s.status === null ? c.yellow('open') : s.status;
    return [label, rel(s.startTs, runStart), duration(s.durationMs), status];
  });
  const lines = table(['SPAN', 'START', 'DURATION', 'STATUS'], rows, '    ').trimEnd().split('\n');
  // The error goes right under its failed span.
  const out = ['  spans:', lines[0]];
  spans.forEach((s, i) => {
    out.push(lines[i + 1]);
    if (s.error) out.push(`    ${'  '.repeat(s.depth)}  ${c.red('error:')} ${safe(s.error)}`);
  });
  return out;
}

/** The task's process tree, at most `budget` processes; each with up to 5 reads and 5 writes. */
function formatTree(nodes: ProcessNode[], c: Colors, indent: string, budget: number): string[] {
  const out: string[] = [];
  let shown = 0;
  let total = 0;
  const count = (ns: ProcessNode[]): number => ns.reduce((n, x) => n + 1 + count(x.children), 0);
  total = count(nodes);
  const list = (label: string, paths: string[], pad: string) => {
    if (!paths.length) return;
    out.push(`${pad}  ${c.dim(label)} ${paths.slice(0, 5).map(safe).join(', ')}${paths.length > 5 ? c.dim(` and ${paths.length - 5} more`) : ''}`);
  };
  const walk = (ns: ProcessNode[], depth: number) => {
    for (const n of ns) {
      if (shown >= budget) return;
      shown++;
      const pad = indent + '  '.repeat(depth);
      out.push(`${pad}pid ${n.pid}  ${safe(n.label)}`);
      list('read ', n.reads, pad);
      list('wrote', n.writes, pad);
      walk(n.children, depth + 1);
    }
  };
  walk(nodes, 0);
  if (total > shown) out.push(`${indent}...and ${total - shown} more processes (--json for all)`);
  return out;
}

function formatTask(run: RunRecord, d: ReturnType<typeof taskDetail>, c: Colors): string {
  const out: string[] = [];
  const t = d.task;
  out.push(`task ${safe(t.taskId)} in run ${run.id}: ${t.status ?? '-'} (${t.processCount} processes, ${duration(t.startedAt !== null && t.endedAt !== null ? t.endedAt - t.startedAt : null)})`);
  out.push(`  project root: ${safe(t.declared.projectRoot)}`);
  out.push(`  inputs:       ${t.declared.inputs.map((i) => safe(i)).join(', ') || '-'}`);
  out.push(`  outputs:      ${t.declared.outputs.map((o) => safe(o)).join(', ') || '-'}`);
  out.push(`  dependsOn:    ${t.declared.dependsOn.map((o) => safe(o)).join(', ') || '-'}`);
  out.push(`  processes (${d.processes.length}), each with the files it read and wrote itself:`);
  out.push(...formatTree(d.tree, c, '    ', 200));
  const files = (label: string, rows: FileRow[]) => {
    out.push(`  ${label} (${rows.length}):`);
    for (const f of rows) out.push(`    ${f.op.padEnd(11)} ${safe(f.display)}${f.count > 1 ? c.dim(` x${f.count}`) : ''}`);
  };
  files('reads', d.reads);
  files('writes', d.writes);
  out.push(`  other accesses (probes, listings, failures): ${d.otherAccesses} (io-trace files ${run.id} --task ${safe(t.taskId)})`);
  out.push(...formatFindings(d.findings, c, '  ', run.startedAt));
  return out.join('\n') + '\n';
}

interface FullOptions {
  json: boolean;
  hint: TranscriptHint;
  task?: string;
}

/** The agent's transcript, else (a plain build) the console output, whose lines go on the timeline. */
function loadTranscript(dbFile: string, run: RunRecord, hint: TranscriptHint): { parsed: ParsedTranscript; agent: boolean } | undefined {
  const agent = loadRunTranscript(dbFile, run, hint);
  if (agent) return { parsed: agent.parsed, agent: true };
  const log = loadRunLog(dbFile, run, hint);
  return log ? { parsed: log, agent: false } : undefined;
}

/** `show --full`: streamed, since a run can hold millions of accesses. */
function showFull(ctx: CommandContext, store: TraceStore, dbFile: string, run: RunRecord, options: FullOptions, c: Colors): void {
  const loaded = loadTranscript(dbFile, run, options.hint);
  const transcript = loaded?.parsed;
  const calls = loaded?.agent && options.task === undefined ? attributeToolCalls(store, run, loaded.parsed) : undefined;
  const sources = timelineSources(store, run, { ...(transcript ? { transcript } : {}), ...(options.task !== undefined ? { task: options.task } : {}) });
  const w = new ChunkedWriter(ctx.stdout);
  if (options.json) {
    const head = {
      database: dbFile,
      run,
      transcript: transcript ? { format: transcript.format, reason: transcript.reason, badLines: transcript.badLines, agent: loaded!.agent } : null,
      ...(calls ? { toolCalls: calls.calls, outsideToolCalls: { processes: calls.agentProcesses, files: calls.outside } } : {}),
    };
    w.line(JSON.stringify(head).slice(0, -1) + ',"timeline":[');
    let first = true;
    // Access rows are written by hand (same keys as a TimelineEntry): JSON.stringify of a million
    // objects costs a second; of their strings, a fraction. Task and op strings are cached.
    const taskJson = new Map<number, string>();
    for (const [key, task] of sources.procs) taskJson.set(key, JSON.stringify(task));
    const opJson = new Map<string, string>();
    const entries = mergeTimeline(
      sources,
      (e) => JSON.stringify(e),
      ([ts, procKey, op, errno, path, count, lastTs]) => {
        let o = opJson.get(op);
        if (o === undefined) opJson.set(op, (o = JSON.stringify(op)));
        const call = calls?.callOf(procKey, ts, path);
        return `{"kind":"access","ts":${ts},"lastTs":${lastTs},"procKey":${procKey},"task":${taskJson.get(procKey) ?? 'null'},"op":${o},"errno":${errno},"path":${JSON.stringify(path)},"count":${count}${call !== undefined ? `,"toolCall":${JSON.stringify(call)}` : ''}}`;
      },
    );
    for (const line of entries) {
      w.line(first ? line : ',' + line);
      first = false;
    }
    w.line(']}');
    w.flush();
    return;
  }
  w.line(`run ${run.id}: ${statusColor(run.status, c)}  ${displayCommand(run.command)}`);
  w.line(`  started ${isoTime(run.startedAt)}; times are seconds since then; paths relative to ${safe(run.workspaceRoot ?? run.cwd)}`);
  if (transcript) w.line(`  ${loaded!.agent ? 'transcript' : 'console output'}: ${transcript.format} (${safe(transcript.reason)})${transcript.badLines ? `, ${transcript.badLines} non-JSON lines` : ''}`);
  if (calls) for (const line of formatToolCalls(run, calls, c)) w.line(line);
  w.line('  timeline:');
  const format = entryFormatter(run, c);
  const formatRow = accessRowFormatter(run, sources.procs, c, calls);
  for (const line of mergeTimeline(sources, format, formatRow)) w.line(line);
  w.flush();
}

/**
 * Each tool call with the files it read and wrote, then what the agent's own processes touched outside
 * any call. Reads are listed inside the workspace, writes anywhere but /dev and /proc; the rest (the
 * runtime's own files, probes, failures) is counted, and `files --tool-call ID` lists it all.
 */
export function formatToolCalls(run: RunRecord, a: ToolCallAttribution, c: Colors): string[] {
  const root = (run.workspaceRoot ?? run.cwd).replace(/\/?$/, '/');
  const out: string[] = [`  tool calls (${a.calls.length})${a.untimed ? `, ${c.yellow(`${a.untimed} without a time (no file can be tied to them)`)}` : ''}:`];
  if (run.tracer === 'none') out.push(`    ${c.yellow('not traced: no file access was recorded, so none is listed below')}`);
  const listFiles = (files: CallFile[], more: string) => {
    const { reads, writes } = readsAndWrites(files);
    const shownReads = reads.filter((f) => f.path.startsWith(root));
    const shownWrites = writes.filter((f) => !/^\/(dev|proc)\//.test(f.path));
    for (const f of [...shownReads, ...shownWrites]) out.push(`        ${(WRITE_LABEL.has(f.op) ? f.op : 'read').padEnd(11)} ${safe(f.display)}${f.count > 1 ? c.dim(` x${f.count}`) : ''}`);
    const rest = files.length - shownReads.length - shownWrites.length;
    if (rest > 0) out.push(c.dim(`        +${rest} other accesses (runtime files, probes, failures: ${more})`));
    if (files.length === 0) out.push(c.dim('        no file accesses'));
  };
  for (const call of a.calls) {
    const when = call.startTs === undefined ? '-' : rel(call.startTs, run.startedAt);
    const took = call.startTs !== undefined && call.endTs !== undefined ? duration(call.endTs - call.startTs) : call.resultLine === undefined ? c.yellow('no result') : '-';
    const status = call.isError ? c.red(' error') : '';
    out.push(`    ${c.bold(safe(call.name))} ${safe(call.id)}  ${when} ${took}${status}  ${oneLineSafe(call.text, 120)}`);
    if (call.processes.length) out.push(`        processes: ${procList(call.processes)}`);
    listFiles(call.files, `io-trace files ${run.id} --tool-call ${safe(call.id)}`);
  }
  out.push(`  the agent's own processes outside any tool call${a.agentProcesses.length ? ` (${procList(a.agentProcesses)})` : ''}:`);
  listFiles(a.outside, `io-trace show ${run.id} --full --json`);
  return out;
}

function cut(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

const WRITE_LABEL = new Set(['write', 'create', 'truncate', 'unlink', 'rmdir', 'mkdir', 'rename_from', 'rename_to', 'link']);

function procList(procs: CallProcess[], max = 4): string {
  const shown = procs.slice(0, max).map((p) => `pid ${p.pid}${p.argv ? ' ' + cut(displayCommand(p.argv), 60) : ''}`);
  return shown.join(', ') + (procs.length > max ? `, +${procs.length - max} more` : '');
}

/**
 * The hot path of `show --full`: one line per access row, labels cached per process and per
 * (op, errno), the time as integer arithmetic (toFixed on a million numbers shows in a profile).
 */
function accessRowFormatter(run: RunRecord, procs: Map<number, string | null>, c: Colors, calls?: ToolCallAttribution): (r: AccessRow) => string {
  const root = (run.workspaceRoot ?? run.cwd).replace(/\/?$/, '/');
  const start = run.startedAt;
  const taskByKey: string[] = [];
  for (const [key, task] of procs) taskByKey[key] = task === null ? c.dim('[-]') : `[${safe(task)}]`;
  const unattributed = c.dim('[-]');
  const opLabels = new Map<string, string>();
  return ([ts, procKey, op, errno, path, count]) => {
    let opLabel = opLabels.get(errno ? `${op}/${errno}` : op);
    if (opLabel === undefined) {
      opLabel = (errno ? `${op}!${errnoName(errno)}` : op).padEnd(12);
      opLabels.set(errno ? `${op}/${errno}` : op, opLabel);
    }
    const p = path.startsWith(root) ? path.slice(root.length) : path;
    const call = calls?.callOf(procKey, ts, path);
    return `${relFast(ts, start)}  ${opLabel} ${taskByKey[procKey] ?? unattributed}${call !== undefined ? ` {${safe(call)}}` : ''} ${safe(p)}${count > 1 ? ` x${count}` : ''}`;
  };
}

/** rel(ts, start).padStart(10), without toFixed. */
function relFast(ts: number, start: number): string {
  let ms = Math.round(ts - start);
  const sign = ms < 0 ? '-' : '+';
  if (ms < 0) ms = -ms;
  const frac = ms % 1000;
  const s = `${sign}${(ms - frac) / 1000}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}s`;
  return s.length >= 10 ? s : ' '.repeat(10 - s.length) + s;
}

/** Formats timeline entries; access lines (millions) use cached task and op labels. */
export function entryFormatter(run: RunRecord, c: Colors): (e: TimelineEntry) => string {
  const root = (run.workspaceRoot ?? run.cwd).replace(/\/?$/, '/');
  const taskLabels = new Map<string | null, string>();
  const opLabels = new Map<string, string>();
  const taskLabel = (task: string | null) => {
    let l = taskLabels.get(task);
    if (l === undefined) taskLabels.set(task, (l = task === null ? c.dim('[-]') : `[${safe(task)}]`));
    return l;
  };
  const opLabel = (op: string, errno: number) => {
    const key = `${op}/${errno}`;
    let l = opLabels.get(key);
    if (l === undefined) opLabels.set(key, (l = (errno ? `${op}!${errnoName(errno)}` : op).padEnd(12)));
    return l;
  };
  return (e) => {
    const t = rel(e.ts, run.startedAt).padStart(10);
    switch (e.kind) {
      case 'access': {
        const p = e.path.startsWith(root) ? e.path.slice(root.length) : e.path;
        return `${t}  ${opLabel(e.op, e.errno)} ${taskLabel(e.task)} ${safe(p)}${e.count > 1 ? ` x${e.count}` : ''}`;
      }
      case 'process':
        return `${t}  ${c.bold('process'.padEnd(12))} ${e.task === null ? c.dim(`[${e.role}]`) : `[${safe(e.task)}]`} pid ${e.pid}${e.argv ? ' ' + displayCommand(e.argv) : e.exe ? ' ' + safe(e.exe) : ''}`;
      case 'span': {
        const s = e.span;
        const label = s.name === 'task' && s.attributes.task !== undefined ? `task ${safe(String(s.attributes.task))}` : safe(s.name);
        const status = s.status === 'error' ? c.red('error') : s.status ?? 'open';
        return `${t}  ${c.bold('span'.padEnd(12))} ${'  '.repeat(s.depth)}${label} (${duration(s.durationMs)}, ${status})${s.error ? `: ${safe(s.error)}` : ''}`;
      }
      case 'notice':
        return `${t}  ${c.yellow('notice'.padEnd(12))} ${safe(e.name)}${e.message ? `: ${safe(e.message)}` : ''}`;
      case 'transcript': {
        const i = e.item;
        const when = e.approx ? '~' : ' ';
        const kind = i.kind === 'tool_call' ? 'tool' : i.kind === 'tool_result' ? (i.isError ? 'tool-error' : 'tool-result') : i.kind === 'message' ? (i.role ?? 'message') : i.kind;
        const text = oneLineSafe(i.kind === 'tool_call' ? `${i.name ?? 'tool'}: ${i.text ?? ''}` : i.text ?? '');
        return `${t}${when} ${(i.kind === 'tool_result' && i.isError ? c.red : c.bold)(kind.padEnd(12))} ${text}`;
      }
    }
  };
}

function oneLineSafe(s: string, max = 160): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return safe(flat.length > max ? flat.slice(0, max - 1) + '…' : flat);
}

/** Seconds since the run started, signed (set-up spans begin just before the run row). */
function rel(ts: number, start: number): string {
  return relFast(ts, start).trimStart();
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
