import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import type { Logger } from '../core/logger.js';
import { buildAnnotations, type CheckAnnotation } from '../report/annotations.js';
import { formatMarkdownReport } from '../report/markdown.js';
import type { Report } from '../report/report.js';
import { formatSarif } from '../report/sarif.js';
import { COMMENT_MARKER_PREFIX, LIMITS } from './constants.js';
import { explainWriteError, publishCheckRun, repoContext, upsertStickyComment, type RepoContext } from './github.js';
import type { ActionInputs } from './inputs.js';
import { safeLine } from './log.js';
import { applyHintText, fixPatchMarkdown, type FixPatch } from './fix-patch.js';

/** What publish needs besides the report (run mode and aggregate mode fill it differently). */
export interface PublishOptions {
  inputs: ActionInputs;
  /** Lines shown under the verdict (why tracing was degraded, which runs were combined). */
  notes: string[];
  failOnMet: boolean;
  pathPrefix: string;
  sarifPath: string | null;
  log: Logger;
  env: NodeJS.ProcessEnv;
  /** Where the evidence is (default: this job's artifact). */
  evidence?: string;
  /** Annotations built by the caller (aggregate: per run, each with its own path prefix). */
  annotations?: { annotations: CheckAnnotation[]; omitted: number };
  /** The edits that fix the findings (uploaded as io-trace.patch): shown in the summary, pointed at by the comment. */
  fixPatch?: FixPatch;
}

const PATCH_SUMMARY_BYTES = 30_000;

function checkTitle(report: Report): string {
  const { error, warning, info } = report.counts;
  if (report.status === 'not-traced') return 'Not traced';
  const counts = `${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info`;
  if (report.status === 'incomplete') return `Incomplete trace: ${counts}`;
  if (report.status === 'clean') return 'Clean: every file access is declared';
  return `${counts} in ${report.tasksWithIssues} task${report.tasksWithIssues === 1 ? '' : 's'}`;
}

/** Job summary (always), SARIF, check run and PR comment. Every failure here is a warning, never the verdict. */
export async function publish(report: Report, o: PublishOptions): Promise<void> {
  const { inputs, env, notes } = o;
  const evidence = o.evidence ?? `the "${inputs.artifactName}" artifact of this workflow run (open it with io-trace findings)`;
  try {
    const edits = o.fixPatch ? fixPatchMarkdown(o.fixPatch, inputs.artifactName, PATCH_SUMMARY_BYTES) : '';
    const md = formatMarkdownReport(report, { maxBytes: LIMITS.summaryBytes - 4096 - Buffer.byteLength(edits), notes, evidence, title: inputs.checkName });
    await core.summary.addRaw(md + (edits ? '\n' + edits : '')).write();
  } catch (e) {
    core.warning(`io-trace could not write the job summary: ${(e as Error).message}`);
  }
  if (o.sarifPath) {
    try {
      mkdirSync(path.dirname(o.sarifPath), { recursive: true });
      writeFileSync(o.sarifPath, JSON.stringify(formatSarif(report, { pathPrefix: o.pathPrefix }), null, 2) + '\n');
    } catch (e) {
      core.warning(`io-trace could not write the SARIF file ${o.sarifPath}: ${(e as Error).message}`);
    }
  }
  const rc = repoContext();
  if (!inputs.token || !rc) {
    core.info(safeLine(`io-trace: no ${inputs.token ? 'repository context' : 'github-token'}: no check run or PR comment`));
    return;
  }
  // Reports are extras: a GitHub API that hangs must not hold the job (all requests share 2 minutes).
  const octokit = github.getOctokit(inputs.token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com', request: { signal: AbortSignal.timeout(120_000) } });
  const runUrl = env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const { annotations, omitted } = o.annotations ?? buildAnnotations(report, { max: inputs.maxAnnotations, pathPrefix: o.pathPrefix });
  try {
    const summaryNotes = omitted ? [...notes, `${omitted} more annotation${omitted === 1 ? '' : 's'} not shown (max-annotations: ${inputs.maxAnnotations})`] : notes;
    const r = await publishCheckRun(octokit, rc, {
      name: inputs.checkName,
      conclusion: o.failOnMet ? 'failure' : report.status === 'clean' ? 'success' : 'neutral',
      title: checkTitle(report),
      summary: formatMarkdownReport(report, { maxBytes: LIMITS.checkText, notes: summaryNotes, evidence, compact: true, top: 30, title: inputs.checkName }),
      text: report.findings.length > 30 ? formatMarkdownReport(report, { maxBytes: LIMITS.checkText, evidence, title: `${inputs.checkName}: all findings` }) : '',
      annotations,
      ...(runUrl ? { detailsUrl: runUrl } : {}),
    });
    core.info(safeLine(`io-trace: check run ${r.id} on ${rc.headSha} with ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} (${r.requests} request${r.requests === 1 ? '' : 's'})`));
  } catch (e) {
    core.warning(explainWriteError(e, 'create the check run', 'checks', rc));
  }
  if (inputs.comment) await comment(report, octokit, rc, inputs, o.fixPatch ? [...notes, `io-trace has edits for ${o.fixPatch.fixed} finding${o.fixPatch.fixed === 1 ? '' : 's'} (diff in the job summary). ${applyHintText(inputs.artifactName)}`] : notes, evidence);
}

async function comment(report: Report, octokit: ReturnType<typeof github.getOctokit>, rc: RepoContext, inputs: ActionInputs, notes: string[], evidence: string): Promise<void> {
  if (rc.pullNumber === null) {
    core.info(`io-trace: comment is on, but this is not a pull request event (${rc.eventName}): no comment`);
    return;
  }
  // The marker names the check so two io-trace jobs keep two comments; "--" would end the HTML comment.
  const marker = `${COMMENT_MARKER_PREFIX}${inputs.checkName.replace(/-{2,}|>/g, '_')} -->`;
  const body = formatMarkdownReport(report, { maxBytes: LIMITS.commentChars - 1024, notes, evidence, compact: true, top: 20, preamble: marker, title: inputs.checkName });
  try {
    const r = await upsertStickyComment(octokit, rc, marker, body);
    core.info(`io-trace: PR comment ${r.id} ${r.action}`);
  } catch (e) {
    core.warning(explainWriteError(e, 'comment on the pull request', 'pull-requests', rc));
  }
}
