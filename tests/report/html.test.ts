import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { TraceStore } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { HOSTILE, T0, writeFixtureRun } from '../triage/fixture.js';

/**
 * The HTML report in a real headless Chromium (Debian `chromium`, driven by playwright-core). In CI a
 * missing browser is a failure, not a skip: install it with `apt-get install chromium`.
 */
// IO_TRACE_CHROMIUM points elsewhere (GitHub's ubuntu runners ship Google Chrome, not Debian chromium).
const CHROMIUM = process.env.IO_TRACE_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const HOSTILE_TASK = 'evil:<b>bold</b>\n::error::task';

let ws: ReturnType<typeof makeWorkspace>;
let browser: Browser | undefined;
let html: string;

beforeAll(async () => {
  if (!haveChromium) {
    if (process.env.CI) throw new Error(`${CHROMIUM} is missing: the HTML report test needs Debian's chromium (apt-get install chromium)`);
    return;
  }
  ws = makeWorkspace();
  const db = path.join(ws.root, '.io-trace', 'trace.db');
  writeFixtureRun(db);
  // A third task with a hostile id, with a process and a write, so it gets a lane and activity.
  const store = TraceStore.create(db);
  store.saveTasks(1, [{ id: HOSTILE_TASK, project: 'evil', target: 'x', projectRoot: 'evil', inputs: [], outputs: [], dependsOn: [] }]);
  store.saveProcesses(1, [{ key: 9, pid: 900, parentKey: 1, ppid: 100, taskId: HOSTILE_TASK, role: 'task', exe: '/bin/sh', argv: ['sh', '-c', '<script>window.__pwned=2</script>'], cwd: '/w', startedAt: T0 + 600, endedAt: T0 + 700 }]);
  store.writeAccesses(1, [{ procKey: 9, path: '/w/evil/out.txt', op: 'create', errno: 0, count: 1, firstTs: T0 + 650, lastTs: T0 + 650 }], []);
  store.updateTaskStatus(1, [{ taskId: HOSTILE_TASK, status: 'analyzed', processCount: 1, startedAt: T0 + 600, endedAt: T0 + 700 }]);
  store.replaceFindings(1, [
    ...store.loadFindings(1),
    { task: HOSTILE_TASK, type: 'unexpected_write', path: 'evil/out.txt', severity: 'error', message: 'wrote an undeclared file', fix: { summary: 'add "evil/out.txt" to outputs of evil', field: 'outputs', add: ['evil/out.txt'] } },
  ]);
  store.close();
  const r = runCli(['report', '--format', 'html', '--out', 'report.html'], { cwd: ws.root });
  expect(r.stderr).toContain('wrote html report to report.html');
  expect(r.code).toBe(0);
  html = path.join(ws.root, 'report.html');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  ws?.cleanup();
});

describe.skipIf(!haveChromium && !process.env.CI)('HTML report in headless Chromium', () => {
  it('is one self-contained file: no request leaves the page', async () => {
    const text = readFileSync(html, 'utf8');
    expect(text).not.toMatch(/<(link|img|iframe)\b/i);
    expect(text).not.toMatch(/src=["']?https?:/i);
    const page = await browser!.newPage();
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto('file://' + html);
    expect(requests).toEqual(['file://' + html]);
    await page.close();
  });

  it('renders the summary, the findings with fixes, and a timeline lane for every task', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('file://' + html);
    expect(await page.title()).toBe('io-trace run 1: issues');
    expect(await page.locator('.status').first().textContent()).toBe('issues');
    expect(await page.locator('tr.finding').count()).toBe(6);
    expect(await page.locator('tr.finding .fix').first().textContent()).toContain('add "config.json" to inputs of app:build io-trace.plan.json:3');
    const lanes = await page.locator('.timeline .lane').evaluateAll((els) => els.map((el) => el.getAttribute('data-task')));
    expect(lanes.sort()).toEqual(['app:build', HOSTILE_TASK, 'lib:build'].sort());
    // Each task: a wall-time bar, process lanes, and file activity.
    const app = page.locator('.lane[data-task="app:build"]');
    expect(await app.locator('.bar').count()).toBe(1);
    expect(await app.locator('.proc').count()).toBe(2);
    expect(await app.locator('.act.read').count()).toBeGreaterThan(0);
    expect(await page.locator('.lane[data-task="lib:build"] .act.write').count()).toBeGreaterThan(0);
    const box = await app.locator('.bar').boundingBox();
    expect(box!.width).toBeGreaterThan(10);
    expect(await page.locator('table.spans .span-error').count()).toBe(1);
    expect(await page.locator('table.spans').textContent()).toContain('artifact upload failed: 503');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links a finding to the process that made the access, in the task\'s process tree', async () => {
    const page = await browser!.newPage();
    await page.goto('file://' + html);
    const why = page.locator('tr.finding[data-path="config.json"] a.why');
    expect(await why.textContent()).toBe('read by node build.js');
    const tree = page.locator('details.tree[data-task="app:build"]');
    expect(await tree.getAttribute('open')).toBeNull();
    await why.click();
    expect(await tree.getAttribute('open')).not.toBeNull();
    const proc = page.locator(':target');
    expect(await proc.locator('> .proc').textContent()).toBe('pid 102 node build.js');
    expect(await proc.locator('> .files').first().textContent()).toContain('config.json');
    await page.close();
  });

  it('filters findings by severity, type and text', async () => {
    const page = await browser!.newPage();
    await page.goto('file://' + html);
    const visible = () => page.locator('tr.finding:visible').count();
    expect(await visible()).toBe(6);
    await page.locator('.f-sev[value="error"]').uncheck();
    expect(await visible()).toBe(2);
    expect(await page.locator('.f-count').textContent()).toBe('2 of 6');
    await page.locator('.f-sev[value="error"]').check();
    await page.locator('.f-type').selectOption('unexpected_write');
    expect(await visible()).toBe(1);
    await page.locator('.f-type').selectOption('');
    await page.locator('.f-text').fill('CONFIG.json');
    expect(await visible()).toBe(1);
    expect(await page.locator('tr.finding:visible .path').textContent()).toBe('config.json');
    await page.close();
  });

  it('keeps hostile names as text: nothing they contain runs or becomes markup', async () => {
    const page = await browser!.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto('file://' + html);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(await page.locator('main img, main b, main script').count()).toBe(0);
    const paths = await page.locator('tr.finding td.path').allTextContents();
    expect(paths).toContain(HOSTILE.html);
    expect(paths).toContain(HOSTILE.newline);
    const label = await page.locator('.lane-label').evaluateAll((els) => els.map((el) => el.textContent));
    expect(label).toContain(HOSTILE_TASK);
    expect(await page.locator('tr.finding[data-task]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.task))).toContain(HOSTILE_TASK);
    const procTitles = await page.locator(`.lane .proc`).evaluateAll((els) => els.map((el) => el.getAttribute('title')));
    expect(procTitles).toContain('pid 900: sh -c <script>window.__pwned=2</script>');
    await page.close();
  });
});
