import type { Finding } from '../core/findings.js';
import type { FindingCause, ProcessNode } from '../core/records.js';
import type { Report } from './report.js';

/**
 * The HTML report: one self-contained file (inline CSS and script, no network, no external fonts) with
 * each run's summary, its findings with their fixes and a filter, and a per-task timeline (process
 * lanes, file activity). Untrusted text (file names, task ids, commands, messages) is only ever
 * HTML-escaped into the page or set with textContent by the script: a hostile name stays text.
 */

export interface HtmlProcess {
  pid: number;
  startedAt: number | null;
  endedAt: number | null;
  command: string;
}

export interface HtmlTask {
  id: string;
  status: string | null;
  startedAt: number | null;
  endedAt: number | null;
  processes: HtmlProcess[];
  /** Processes left out of the lanes (a task can run thousands). */
  moreProcesses: number;
  /** Accesses per time bin (the run's time range cut in `bins` equal parts). */
  reads: number[];
  writes: number[];
  findings: number;
}

export interface HtmlSpan {
  name: string;
  label: string;
  startTs: number;
  durationMs: number | null;
  status: string | null;
  error: string | null;
  depth: number;
}

export interface HtmlRun {
  report: Report;
  /** Host facts as stored (kernel, os, GitHub run/job/sha/PR). */
  host: Record<string, unknown>;
  source: string | null;
  /** When the run started (span times are relative to it). */
  runStartTs: number;
  /** The timeline's range: the run, widened to every task and process. */
  startTs: number;
  endTs: number;
  bins: number;
  tasks: HtmlTask[];
  spans: HtmlSpan[];
  /** The access behind each finding of `report.findings` (same order), where one was recorded. */
  causes?: (FindingCause | undefined)[];
  /** Per task: its process tree with each process's own reads and writes. */
  trees?: Record<string, ProcessNode[]>;
}

export interface HtmlMeta {
  generatedAt: number;
  database: string;
  version: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** JSON safe inside <script>: no `</script>`, `<!--`, or line separators that end a JS string. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fmtDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

const e = escapeHtml;

export function renderHtmlReport(runs: HtmlRun[], meta: HtmlMeta): string {
  const title = runs.length === 1 ? `io-trace run ${runs[0].report.run.id}: ${runs[0].report.status}` : `io-trace: ${runs.length} runs`;
  const body = runs.map((r, i) => renderRun(r, i)).join('\n');
  const data = runs.map((r) => ({ startTs: r.startTs, endTs: r.endTs, bins: r.bins, tasks: r.tasks }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(title)}</h1><p class="meta">generated ${e(new Date(meta.generatedAt).toISOString())} by io-trace ${e(meta.version)} from <code>${e(meta.database)}</code></p></header>
<main>
${body}
</main>
<script type="application/json" id="io-trace-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function renderRun(run: HtmlRun, index: number): string {
  const r = run.report;
  const gh = run.host.github as Record<string, unknown> | undefined;
  const facts: [string, string][] = [
    ['command', r.run.command.join(' ')],
    ['build', r.run.signal ? `killed by ${r.run.signal}` : r.run.exitCode === null ? 'did not finish' : `exit ${r.run.exitCode}`],
    ['tracer', r.run.tracer === 'none' ? 'untraced' : `${r.run.tracer}${r.run.tracerVersion ? ' ' + r.run.tracerVersion : ''}`],
    ['started', r.run.startedAt],
    ['duration', fmtDuration(r.run.durationMs)],
    ['events', `${r.run.eventCount.toLocaleString('en-US')}${r.run.lostEvents ? ` (${r.run.lostEvents} lost)` : ''}`],
    ['tasks', `${r.tasksAnalyzed} analysed, ${r.tasksWithIssues} with issues`],
    ['host', [run.host.os, run.host.arch, run.host.node].filter(Boolean).join(', ')],
  ];
  if (gh) {
    facts.push(['GitHub', [gh.repository, gh.runId && `run ${gh.runId}`, gh.job && `job ${gh.job}`, gh.pr && `PR #${gh.pr}`, (gh.headSha ?? gh.sha) && `sha ${String(gh.headSha ?? gh.sha).slice(0, 12)}`].filter(Boolean).join(', ')]);
  }
  if (run.source) facts.push(['merged from', run.source]);
  const types = [...new Set(r.findings.map((f) => f.type))].sort();
  return `<section class="run" id="run-${r.run.id}" data-run-index="${index}">
<h2>Run ${r.run.id} <span class="status status-${e(r.status)}">${e(r.status)}</span></h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(String(v))}</dd>`).join('')}</dl>
${r.incompleteReasons.length ? `<div class="incomplete"><strong>Trace incomplete: the result cannot be vouched for</strong><ul>${r.incompleteReasons.map((x) => `<li>${e(x)}</li>`).join('')}</ul></div>` : ''}
<div class="counts"><span class="sev-error">${r.counts.error} errors</span> <span class="sev-warning">${r.counts.warning} warnings</span> <span class="sev-info">${r.counts.info} info</span></div>

<h3>Findings</h3>
<div class="filter" role="search">
  <label><input type="checkbox" class="f-sev" value="error" checked> errors</label>
  <label><input type="checkbox" class="f-sev" value="warning" checked> warnings</label>
  <label><input type="checkbox" class="f-sev" value="info" checked> info</label>
  <select class="f-type"><option value="">all types</option>${types.map((t) => `<option value="${e(t)}">${e(t)}</option>`).join('')}</select>
  <input type="search" class="f-text" placeholder="filter by task or path">
  <span class="f-count">${r.findings.length} of ${r.findings.length}</span>
</div>
${r.findings.length === 0 ? '<p class="none">No findings.</p>' : `<table class="findings"><thead><tr><th>severity</th><th>type</th><th>task</th><th>path</th><th>fix</th><th>why</th></tr></thead><tbody>
${r.findings.map((f, i) => findingRow(f, run.causes?.[i], index)).join('\n')}
</tbody></table>`}

<h3>Timeline</h3>
<p class="legend"><span class="lg task"></span> task wall time <span class="lg proc"></span> process <span class="lg read"></span> reads <span class="lg write"></span> writes</p>
<div class="timeline" data-run-index="${index}"></div>

<h3>Tasks</h3>
<table class="tasks"><thead><tr><th>task</th><th>status</th><th>processes</th><th>time</th><th>reads</th><th>writes</th><th>findings</th></tr></thead><tbody>
${run.tasks
  .map((t) => {
    const tr = r.tasks.find((x) => x.taskId === t.id);
    return `<tr><td class="task-id">${e(t.id)}</td><td>${e(t.status ?? '-')}</td><td>${t.processes.length + t.moreProcesses}</td><td>${fmtDuration(t.startedAt !== null && t.endedAt !== null ? t.endedAt - t.startedAt : null)}</td><td>${tr?.reads ?? 0}</td><td>${tr?.writes ?? 0}</td><td>${t.findings}</td></tr>`;
  })
  .join('\n')}
</tbody></table>

<h3>Processes per task</h3>
${renderTrees(run, index)}

<h3>Where the time went</h3>
${run.spans.length === 0 ? '<p class="none">No spans recorded.</p>' : `<table class="spans"><thead><tr><th>span</th><th>start</th><th>duration</th><th>status</th></tr></thead><tbody>
${run.spans
  .map(
    (s) =>
      `<tr class="span-${e(s.status ?? 'open')}"><td style="padding-left:${0.5 + s.depth * 1.2}em">${e(s.label)}${s.error ? `<div class="span-error-msg">${e(s.error)}</div>` : ''}</td><td>${s.startTs < run.runStartTs ? '-' : '+'}${(Math.abs(s.startTs - run.runStartTs) / 1000).toFixed(3)} s</td><td>${fmtDuration(s.durationMs)}</td><td>${e(s.status ?? 'open')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`}
</section>`;
}

function findingRow(f: Finding, cause: FindingCause | undefined, runIndex: number): string {
  const fix = f.fix ? `${e(f.fix.summary)}${f.fix.file ? ` <span class="where">${e(f.fix.file)}${f.fix.line ? `:${f.fix.line}` : ''}</span>` : ''}` : '';
  const more = f.count && f.count > 1 ? ` <span class="more">(${f.count} files${f.samples?.length ? `: ${e(f.samples.join(', '))}${f.count > f.samples.length ? ', ...' : ''}` : ''})</span>` : '';
  const note = f.reason ? ` <span class="more">(${e(f.reason)})</span>` : '';
  const tasks = f.tasks && f.tasks.length > 1 ? f.tasks : [f.task];
  const who = tasks.length > 1 ? `${tasks.length} tasks: ${e(tasks.join(', '))}` : e(f.task);
  const why = cause
    ? `<a class="why" href="#${procAnchor(runIndex, cause.procKey)}">${cause.op === 'read' ? 'read' : 'written'} by ${e(cause.chain[0])}</a>${cause.chain.length > 1 ? ` <span class="chain">&lt;- ${cause.chain.slice(1).map(e).join(' &lt;- ')}</span>` : ''} <span class="more">(pid ${cause.pid}${cause.count > 1 ? `, ${cause.count} times` : ''})</span>`
    : '';
  return `<tr class="finding sev-${e(f.severity)}" data-severity="${e(f.severity)}" data-type="${e(f.type)}" data-task="${e(tasks.join(' '))}" data-path="${e(f.path)}"><td>${e(f.severity)}</td><td>${e(f.type)}</td><td class="task-id">${who}${f.otherTask ? ` <span class="other">with ${e(f.otherTask)}</span>` : ''}</td><td class="path">${e(f.path)}${more}${note}</td><td class="fix">${fix}</td><td class="why">${why}</td></tr>`;
}

function procAnchor(runIndex: number, key: number): string {
  return `r${runIndex}-p${key}`;
}

const TREE_PROCESSES = 300;
const TREE_FILES = 20;

/** Each task's processes as nested lists, each with its own reads and writes; a finding's "why" links here. */
function renderTrees(run: HtmlRun, index: number): string {
  const trees = run.trees ?? {};
  const ids = Object.keys(trees).filter((t) => trees[t].length);
  if (ids.length === 0) return '<p class="none">No traced processes.</p>';
  const files = (label: string, list: string[]) =>
    list.length ? `<div class="files"><span class="lbl">${label}</span> ${list.slice(0, TREE_FILES).map((p) => `<code>${e(p)}</code>`).join(' ')}${list.length > TREE_FILES ? ` <span class="more">and ${list.length - TREE_FILES} more</span>` : ''}</div>` : '';
  const out: string[] = [];
  for (const id of ids) {
    let budget = TREE_PROCESSES;
    const node = (n: ProcessNode): string => {
      if (budget-- <= 0) return '';
      return `<li id="${procAnchor(index, n.key)}"><span class="proc">pid ${n.pid} <code>${e(n.label)}</code></span>${files('read', n.reads)}${files('wrote', n.writes)}${n.children.length ? `<ul>${n.children.map(node).join('')}</ul>` : ''}</li>`;
    };
    const body = trees[id].map(node).join('');
    const hidden = budget < 0 ? ` <span class="more">(first ${TREE_PROCESSES} processes shown; io-trace show --task for all)</span>` : '';
    out.push(`<details class="tree" data-task="${e(id)}"><summary class="task-id">${e(id)}${hidden}</summary><ul>${body}</ul></details>`);
  }
  return out.join('\n');
}

const CSS = `
:root { --fg:#1f2328; --muted:#656d76; --border:#d0d7de; --bg:#fff; --err:#cf222e; --warn:#9a6700; --info:#0969da; --ok:#1a7f37; --read:#0969da; --write:#d1242f; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
h1 { font-size: 22px; margin: 16px 0 4px; } h2 { font-size: 19px; border-bottom: 1px solid var(--border); padding-bottom: 4px; } h3 { font-size: 16px; margin-top: 22px; }
.meta, .none, .legend { color: var(--muted); }
details.tree ul { list-style: none; padding-left: 1.2em; margin: 0.2em 0; } details.tree li:target > .proc { background: #fff8c5; } .files .lbl { color: var(--muted); } .files code { margin-right: 0.4em; }
code, .path, .task-id, td { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; white-space: pre-wrap; }
td.path, td.fix, td.task-id { overflow-wrap: anywhere; } table.findings td:nth-child(-n+2) { white-space: nowrap; }
.status { font-size: 13px; padding: 2px 8px; border-radius: 10px; color: #fff; vertical-align: middle; }
.status-clean { background: var(--ok); } .status-issues { background: var(--err); } .status-incomplete, .status-not-traced { background: var(--warn); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; font-family: ui-monospace, monospace; font-size: 12.5px; white-space: pre-wrap; word-break: break-all; }
.incomplete { border: 1px solid var(--warn); background: #fff8c5; padding: 8px 12px; border-radius: 6px; }
.counts span { margin-right: 12px; font-weight: 600; } .sev-error td:first-child, .counts .sev-error { color: var(--err); } .sev-warning td:first-child, .counts .sev-warning { color: var(--warn); } .sev-info td:first-child, .counts .sev-info { color: var(--info); }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--border); vertical-align: top; } th { font-size: 12px; color: var(--muted); font-weight: 600; }
.fix .where, .other, .more { color: var(--muted); }
.filter { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 8px; } .filter input[type=search] { min-width: 260px; padding: 3px 6px; } .f-count { color: var(--muted); }
.span-error td:first-child, .span-error-msg { color: var(--err); } .span-error-msg { font-size: 12px; }
.timeline { border: 1px solid var(--border); border-radius: 6px; padding: 6px 0; }
.lane { display: grid; grid-template-columns: 220px 1fr; align-items: center; min-height: 22px; border-bottom: 1px dashed #eaeef2; }
.lane:last-child { border-bottom: 0; }
.lane-label { padding: 0 8px; font-family: ui-monospace, monospace; font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.lane-track { position: relative; height: 100%; min-height: 22px; margin-right: 8px; }
.bar { position: absolute; height: 8px; top: 2px; border-radius: 2px; background: #8c959f; min-width: 2px; }
.proc { position: absolute; height: 3px; background: #57606a; min-width: 1px; opacity: .7; }
.act { position: absolute; bottom: 1px; height: 5px; min-width: 1px; }
.act.read { background: var(--read); } .act.write { background: var(--write); }
.lg { display: inline-block; width: 14px; height: 8px; margin: 0 4px 0 12px; vertical-align: middle; } .lg.task { background: #8c959f; } .lg.proc { background: #57606a; height: 3px; margin-bottom: 2px; } .lg.read { background: var(--read); } .lg.write { background: var(--write); }
.axis { display: grid; grid-template-columns: 220px 1fr; color: var(--muted); font-size: 11px; } .axis div:last-child { display: flex; justify-content: space-between; margin-right: 8px; }
`;

/**
 * Runs in the page: the timeline (built from the embedded JSON with textContent and numeric styles
 * only) and the findings filter. No innerHTML with data anywhere.
 */
const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('io-trace-data').textContent);
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text !== undefined) n.textContent = text; return n; }
  function pct(x) { return (Math.max(0, Math.min(1, x)) * 100).toFixed(3) + '%'; }
  function fmt(ms) { return ms < 1000 ? Math.round(ms) + ' ms' : (ms / 1000).toFixed(2) + ' s'; }
  document.querySelectorAll('.timeline').forEach(function (box) {
    var run = data[Number(box.getAttribute('data-run-index'))];
    var span = Math.max(1, run.endTs - run.startTs);
    var x = function (ts) { return (ts - run.startTs) / span; };
    var axis = el('div', 'axis'); axis.appendChild(el('div', '', ''));
    var ticks = el('div'); ticks.appendChild(el('span', '', '0 s')); ticks.appendChild(el('span', '', fmt(span / 2))); ticks.appendChild(el('span', '', fmt(span)));
    axis.appendChild(ticks); box.appendChild(axis);
    if (run.tasks.length === 0) { box.appendChild(el('p', 'none', 'No tasks.')); }
    run.tasks.forEach(function (t) {
      var lane = el('div', 'lane'); lane.setAttribute('data-task', t.id);
      var label = el('div', 'lane-label', t.id); label.title = t.id + ' (' + (t.status || '-') + ', ' + (t.processes.length + t.moreProcesses) + ' processes, ' + t.findings + ' findings)';
      lane.appendChild(label);
      var track = el('div', 'lane-track');
      var rows = Math.min(t.processes.length, 12);
      track.style.height = (22 + rows * 4) + 'px';
      if (t.startedAt !== null && t.endedAt !== null) {
        var bar = el('div', 'bar'); bar.style.left = pct(x(t.startedAt)); bar.style.width = pct(x(t.endedAt) - x(t.startedAt));
        bar.title = t.id + ': ' + fmt(t.endedAt - t.startedAt); track.appendChild(bar);
      }
      t.processes.forEach(function (p, i) {
        if (p.startedAt === null) return;
        var end = p.endedAt === null ? run.endTs : p.endedAt;
        var pr = el('div', 'proc'); pr.style.left = pct(x(p.startedAt)); pr.style.width = pct(x(end) - x(p.startedAt));
        pr.style.top = (12 + (i % 12) * 4) + 'px'; pr.title = 'pid ' + p.pid + ': ' + p.command; track.appendChild(pr);
      });
      var max = 1;
      t.reads.forEach(function (n, i) { max = Math.max(max, n + t.writes[i]); });
      for (var i = 0; i < run.bins; i++) {
        [['read', t.reads[i]], ['write', t.writes[i]]].forEach(function (kv, k) {
          if (!kv[1]) return;
          var a = el('div', 'act ' + kv[0]); a.style.left = pct(i / run.bins); a.style.width = pct(1 / run.bins / 2);
          a.style.marginLeft = k ? (100 / run.bins / 2).toFixed(3) + '%' : '0'; a.style.opacity = String(0.25 + 0.75 * kv[1] / max);
          a.title = kv[1] + ' ' + kv[0] + (kv[1] === 1 ? '' : 's'); track.appendChild(a);
        });
      }
      lane.appendChild(track); box.appendChild(lane);
    });
  });
  document.querySelectorAll('section.run').forEach(function (sec) {
    var rows = sec.querySelectorAll('tr.finding');
    var sev = sec.querySelectorAll('.f-sev'), type = sec.querySelector('.f-type'), text = sec.querySelector('.f-text'), count = sec.querySelector('.f-count');
    function apply() {
      var on = {}; sev.forEach(function (c) { on[c.value] = c.checked; });
      var q = text.value.toLowerCase(), shown = 0;
      rows.forEach(function (r) {
        var ok = on[r.dataset.severity] && (!type.value || r.dataset.type === type.value) &&
          (!q || r.dataset.task.toLowerCase().indexOf(q) >= 0 || r.dataset.path.toLowerCase().indexOf(q) >= 0);
        r.hidden = !ok; if (ok) shown++;
      });
      count.textContent = shown + ' of ' + rows.length;
    }
    sev.forEach(function (c) { c.addEventListener('change', apply); });
    type.addEventListener('change', apply); text.addEventListener('input', apply);
  });
  // A finding's "why" link opens the task's process tree at the process that made the access.
  document.querySelectorAll('a.why').forEach(function (a) {
    a.addEventListener('click', function () {
      var target = document.getElementById(a.getAttribute('href').slice(1));
      for (var n = target; n; n = n.parentElement) if (n.tagName === 'DETAILS') n.open = true;
    });
  });
})();
`;
