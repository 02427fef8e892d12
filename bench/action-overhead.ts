/**
 * The GitHub Action's own cost beyond the build (issue target: <= 10 s on examples/basic here), from
 * the bundled dist/action entries under Node 24 against the loopback GitHub REST and artifact fakes.
 *
 *   node bench/run.mjs action-overhead [--reps 3] [--tracer auto|bpftrace|strace|none] [--early-tracer true|false]
 *
 * Per rep: pre step (bpftrace set-up, a standby tracer started without waiting: with early-tracer), a
 * pause of 3 s standing for the job's checkout and install (bpftrace compiles and attaches meanwhile),
 * then main step (set-up, io-trace run, reports) and post step (upload). The pre step's time is shown
 * apart: it is spent at the start of the job, not while the build waits. The build's own time is
 * the "build" span io-trace records (resume to exit); everything else is overhead, broken down into
 * process start, runner set-up, attach, detach, ingest + analysis, reports (summary, check run,
 * comment, SARIF) and the upload. Prints the median of each part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/store/sqlite.js';
import { startArtifactFake } from '../tests/helpers/github-fake-artifact.js';
import { startGitHubFake } from '../tests/helpers/github-fake.js';
import { makeRunner, readFileCommands, runEntry } from '../tests/action/runner.js';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '3' }, tracer: { type: 'string', default: 'auto' }, 'early-tracer': { type: 'string', default: 'true' } } });
const reps = Number(values.reps);
const root = mkdtempSync(path.join(tmpdir(), 'io-trace-bench-action-'));
const rows: Record<string, number>[] = [];

function timings(stdout: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stdout.matchAll(/io-trace: timings ms: (.*)/g)) {
    for (const part of m[1].split(', ')) {
      const [k, v] = [part.slice(0, part.lastIndexOf(' ')), Number(part.slice(part.lastIndexOf(' ') + 1))];
      out[k] = v;
    }
  }
  return out;
}

try {
  for (let i = 0; i < reps; i++) {
    const gh = await startGitHubFake();
    const art = await startArtifactFake();
    const runner = makeRunner(path.join(root, String(i)), {
      github: gh,
      artifact: art,
      inputs: { run: 'npm run build', 'working-directory': 'examples/basic', 'github-token': 'ghs_bench', comment: 'true', sarif: 'io-trace.sarif', tracer: values.tracer!, 'install-bpftrace': 'false', 'early-tracer': values['early-tracer']! },
    });
    const pre = await runEntry('pre', runner);
    if (pre.code !== 0) throw new Error(`rep ${i}: pre exit ${pre.code}\n${pre.stdout}\n${pre.stderr}`);
    await new Promise((r) => setTimeout(r, 3000));
    const main = await runEntry('main', runner);
    const post = await runEntry('post', runner);
    await gh.close();
    await art.close();
    if (main.code !== 0 || post.code !== 0) throw new Error(`rep ${i}: main exit ${main.code}, post exit ${post.code}\n${main.stdout}\n${main.stderr}`);
    const outputs = readFileCommands(runner.files.output);
    const db = openDatabase(outputs['db-path'], { readonly: true });
    const spans = Object.fromEntries(
      (db.prepare("SELECT name, SUM(duration_ms) AS ms FROM events WHERE kind = 'span' AND parent_id IS NULL GROUP BY name").all() as { name: string; ms: number }[]).map((r) => [r.name, r.ms]),
    );
    db.close();
    const t = { ...timings(main.stdout), ...timings(post.stdout) };
    const build = spans.build ?? 0;
    const row: Record<string, number> = {
      'pre step (wall, at job start)': pre.ms,
      'main step (wall)': main.ms,
      'post step (wall)': post.ms,
      build: build,
      'node start + load (main)': main.ms - (t['set-up'] ?? 0) - (t['io-trace run'] ?? 0) - (t.reports ?? 0),
      'runner set-up (privilege, tracer checks)': t['set-up'] ?? 0,
      'io-trace start + plan + tracer select': (t['io-trace run'] ?? 0) - build - (spans.attach ?? 0) - (spans.detach ?? 0) - (spans.ingest ?? 0) - (spans.analysis ?? 0),
      'tracer attach': spans.attach ?? 0,
      'tracer detach': spans.detach ?? 0,
      'ingest + analysis': (spans.ingest ?? 0) + (spans.analysis ?? 0),
      'reports (summary, check run, comment, SARIF)': t.reports ?? 0,
      'post: upload (redact + zip + blob)': t.upload ?? 0,
      'node start + load (post)': post.ms - (t.upload ?? 0),
    };
    row['overhead (main + post - build)'] = main.ms + post.ms - build;
    rows.push(row);
    console.error(`rep ${i + 1}/${reps}: tracer ${outputs.tracer}, overhead ${Math.round(row['overhead (main + post - build)'])} ms`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`action overhead on examples/basic (median of ${reps}, tracer ${values.tracer}, early-tracer ${values['early-tracer']}; the pre step is not in the overhead):`);
for (const key of Object.keys(rows[0])) console.log(`  ${key.padEnd(48)} ${String(Math.round(median(rows.map((r) => r[key])))).padStart(7)} ms`);
const total = median(rows.map((r) => r['overhead (main + post - build)']));
console.log(`  target <= 10000 ms: ${total <= 10_000 ? 'met' : 'NOT met'}`);
