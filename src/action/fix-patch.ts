import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { unifiedDiff } from '../fix/plan-fixes.js';
import { planRunFixes } from '../fix/run-fixes.js';
import { mdText } from '../report/markdown.js';
import { TraceStore } from '../store/store.js';

/** The edits that fix a run's findings, as a patch file uploaded with the artifact and shown in the summary. */
export interface FixPatch {
  /** The patch, with paths relative to the repository root (`git apply io-trace.patch` there). */
  diff: string;
  file: string;
  fixed: number;
  leftOut: number;
}

export const PATCH_NAME = 'io-trace.patch';

/**
 * Writes `io-trace.patch` for the run in `dbPath` into `outDir`, or returns null when no finding has a
 * safe edit. `pathPrefix` is the workspace's path inside the repository ('' at its root).
 */
export function writeFixPatch(dbPath: string, outDir: string, pathPrefix: string): FixPatch | null {
  // Writable, like io-trace itself: a read-only connection leaves a -wal file behind on close.
  const store = TraceStore.openExisting(dbPath);
  try {
    const run = store.resolveRun(undefined);
    const workspace = run.workspaceRoot ?? run.cwd;
    const plan = planRunFixes(store, run, workspace);
    if (!plan.changes.length) return null;
    const prefixed = plan.changes.map((c) => ({ ...c, file: pathPrefix ? path.posix.join(pathPrefix, c.file) : c.file }));
    const diff = unifiedDiff(prefixed);
    const file = path.join(outDir, PATCH_NAME);
    writeFileSync(file, diff);
    return { diff, file, fixed: plan.items.filter((i) => i.edits).length, leftOut: plan.items.filter((i) => !i.edits).length };
  } finally {
    store.close();
  }
}

/** The job summary's "Suggested edits" section: the diff (cut to `maxBytes`) and how to apply it. */
export function fixPatchMarkdown(patch: FixPatch, artifactName: string, maxBytes: number): string {
  const shown = Buffer.byteLength(patch.diff) > maxBytes ? Buffer.from(patch.diff).subarray(0, maxBytes).toString('utf8').replace(/\n[^\n]*$/, '\n') + '... (cut: the whole patch is in the artifact)\n' : patch.diff;
  return [
    `### Suggested edits (${patch.fixed} finding${patch.fixed === 1 ? '' : 's'})`,
    '',
    inertPre(shown),
    '',
    applyHint(artifactName),
    '',
  ].join('\n');
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const ZWSP = '&#8203;';

/**
 * The diff as an HTML <pre> block: GitHub renders its content as text once entities are escaped, and
 * file names from the build (`<img ...>`, `@team`, `#12`, URLs) are broken so nothing pings, links or
 * runs. (A fenced block would show them safely too, but a raw `<img` in the Markdown is what the
 * summary's hostile-name test forbids everywhere.)
 */
function inertPre(text: string): string {
  const body = text
    .replace(/[&<>"']/g, (c) => ENTITY[c])
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`);
  return `<pre lang="diff">${body}</pre>`;
}

/** How to apply the edits locally, for the summary and the PR comment. */
export function applyHint(artifactName: string): string {
  return `To apply: download the ${mdText(`"${artifactName}"`)} artifact, then run \`git apply ${PATCH_NAME}\` at the repository root, or \`npx io-trace fix --write --db <artifact folder>\` in the workspace; \`npx io-trace check --db <artifact folder>\` then re-checks the recorded trace against your edits without a rebuild.`;
}

/** The same hint as plain text (for notes, which are escaped as text). */
export function applyHintText(artifactName: string): string {
  return `To apply: download the "${artifactName}" artifact, then run git apply ${PATCH_NAME} at the repository root, or npx io-trace fix --write --db <artifact folder> in the workspace.`;
}
