import * as github from '@actions/github';
import type { CheckAnnotation } from '../report/annotations.js';
import { LIMITS } from './constants.js';

export type Octokit = ReturnType<typeof github.getOctokit>;

/** Where reports go: the repository, the commit to put the check on, the PR if any. */
export interface RepoContext {
  owner: string;
  repo: string;
  /** pull_request.head.sha on PR events (GITHUB_SHA is the test merge commit there), else GITHUB_SHA. */
  headSha: string;
  pullNumber: number | null;
  /** The PR comes from a fork: GITHUB_TOKEN is read-only on `pull_request` events. */
  fromFork: boolean;
  eventName: string;
}

interface PullPayload {
  number?: number;
  head?: { sha?: string; repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } };
}

export function repoContext(ctx: typeof github.context = github.context): RepoContext | null {
  const full = process.env.GITHUB_REPOSITORY;
  if (!full || !full.includes('/')) return null;
  const [owner, repo] = full.split('/');
  const pr = ctx.payload.pull_request as PullPayload | undefined;
  const headSha = pr?.head?.sha ?? ctx.sha;
  if (!headSha) return null;
  const headRepo = pr?.head?.repo?.full_name;
  return {
    owner,
    repo,
    headSha,
    pullNumber: pr?.number ?? null,
    fromFork: !!pr && headRepo !== (pr.base?.repo?.full_name ?? full),
    eventName: ctx.eventName,
  };
}

/** The HTTP status of an Octokit RequestError (or undefined for network errors). */
export function httpStatus(e: unknown): number | undefined {
  const s = (e as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

/** A one-line explanation of why a write to GitHub failed, with the fix. */
export function explainWriteError(e: unknown, what: string, permission: string, rc: RepoContext): string {
  const status = httpStatus(e);
  const msg = (e as Error)?.message?.split('\n')[0] ?? String(e);
  if (status === 403 || status === 404 || status === 401) {
    const why = rc.fromFork
      ? `this pull request comes from a fork, and GitHub gives fork PRs a read-only token; the job summary has the full report (for checks on fork PRs use the two-workflow pattern in docs/github-action.md)`
      : `the token lacks "${permission}: write" (add it under "permissions:" in the workflow)`;
    return `io-trace could not ${what} (HTTP ${status}): ${why}`;
  }
  return `io-trace could not ${what}: ${msg}`;
}

export interface CheckRunParams {
  name: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  text: string;
  annotations: CheckAnnotation[];
  detailsUrl?: string;
}

/** Create a completed check run on the head commit: first 50 annotations with it, the rest by updates. */
export async function publishCheckRun(octokit: Octokit, rc: RepoContext, p: CheckRunParams): Promise<{ id: number; requests: number; url: string | null }> {
  const per = LIMITS.annotationsPerRequest;
  const chunks: CheckAnnotation[][] = [];
  for (let i = 0; i < p.annotations.length; i += per) chunks.push(p.annotations.slice(i, i + per));
  const output = (annotations: CheckAnnotation[] | undefined) => ({
    title: p.title,
    summary: p.summary,
    ...(p.text ? { text: p.text } : {}),
    ...(annotations?.length ? { annotations } : {}),
  });
  const created = await octokit.rest.checks.create({
    owner: rc.owner,
    repo: rc.repo,
    name: p.name,
    head_sha: rc.headSha,
    status: 'completed',
    conclusion: p.conclusion,
    completed_at: new Date().toISOString(),
    ...(p.detailsUrl ? { details_url: p.detailsUrl } : {}),
    output: output(chunks[0]),
  });
  let requests = 1;
  for (const chunk of chunks.slice(1)) {
    // Annotations accumulate across updates of one check run.
    await octokit.rest.checks.update({ owner: rc.owner, repo: rc.repo, check_run_id: created.data.id, output: output(chunk) });
    requests++;
  }
  return { id: created.data.id, requests, url: created.data.html_url ?? null };
}

/**
 * The sticky PR comment: find io-trace's earlier comment by its hidden marker and edit it, else create
 * one. A comment by a bot wins over one a person wrote with the same marker.
 */
export async function upsertStickyComment(octokit: Octokit, rc: RepoContext, marker: string, body: string): Promise<{ id: number; action: 'created' | 'updated' }> {
  if (rc.pullNumber === null) throw new Error('not a pull request event');
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: rc.owner, repo: rc.repo, issue_number: rc.pullNumber, per_page: 100 });
  const marked = comments.filter((c) => c.body?.includes(marker));
  const mine = marked.find((c) => c.user?.type === 'Bot') ?? marked[0];
  if (mine) {
    await octokit.rest.issues.updateComment({ owner: rc.owner, repo: rc.repo, comment_id: mine.id, body });
    return { id: mine.id, action: 'updated' };
  }
  const created = await octokit.rest.issues.createComment({ owner: rc.owner, repo: rc.repo, issue_number: rc.pullNumber, body });
  return { id: created.data.id, action: 'created' };
}
