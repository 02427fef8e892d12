import * as github from '@actions/github';
import { afterEach, describe, expect, it } from 'vitest';
import { publishCheckRun, upsertStickyComment, explainWriteError, type RepoContext } from '../../src/action/github.js';
import type { CheckAnnotation } from '../../src/report/annotations.js';
import { startGitHubFake, type FakeComment, type GitHubFake } from '../helpers/github-fake.js';

const rc: RepoContext = { owner: 'o', repo: 'r', headSha: '6dcb09b5b57875f334f61aebed695e2e4193db5e', pullNumber: 7, fromFork: false, eventName: 'pull_request' };
let gh: GitHubFake;
afterEach(() => gh?.close());

const annotation = (i: number): CheckAnnotation => ({ path: 'io-trace.plan.json', start_line: i + 1, end_line: i + 1, annotation_level: 'failure', title: `unexpected_read: t${i}`, message: `t${i} read x` });

describe('GitHub publishing (against the OpenAPI-validated fake)', () => {
  it('sends 50 annotations with the check run and the rest in updates of the same run', async () => {
    gh = await startGitHubFake();
    const octokit = github.getOctokit('t0ken', { baseUrl: gh.url });
    const r = await publishCheckRun(octokit, rc, { name: 'io-trace', conclusion: 'failure', title: 't', summary: 's', text: '', annotations: Array.from({ length: 120 }, (_, i) => annotation(i)) });
    expect(r.requests).toBe(3);
    expect(gh.calls.map((c) => [c.operationId, ((c.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length])).toEqual([
      ['checks/create', 50],
      ['checks/update', 50],
      ['checks/update', 20],
    ]);
    expect(gh.checkRuns.get(r.id)!.annotations).toHaveLength(120);
    expect(gh.problems()).toEqual([]);
  });

  it('the fake rejects what GitHub would (a schema-invalid body is a 422 and a recorded problem)', async () => {
    gh = await startGitHubFake();
    const octokit = github.getOctokit('t0ken', { baseUrl: gh.url });
    const bad = { ...annotation(0), annotation_level: 'error' as unknown as 'failure' };
    await expect(publishCheckRun(octokit, rc, { name: 'io-trace', conclusion: 'neutral', title: 't', summary: 's', text: '', annotations: [bad] })).rejects.toMatchObject({ status: 422 });
    expect(gh.problems()).toHaveLength(1);
  });

  it('finds its sticky comment past the first page, prefers the bot one, and edits it in place', async () => {
    const people: FakeComment[] = Array.from({ length: 130 }, (_, i) => ({ id: i + 1, body: `comment ${i}`, user: { login: 'dev', type: 'User' } }));
    const marker = '<!-- io-trace:sticky-comment:io-trace -->';
    people[5].body = `${marker}\ncopied by a person`;
    people[120] = { id: 121, body: `${marker}\nold report`, user: { login: 'github-actions[bot]', type: 'Bot' } };
    gh = await startGitHubFake({ comments: people });
    const octokit = github.getOctokit('t0ken', { baseUrl: gh.url });
    const r = await upsertStickyComment(octokit, rc, marker, `${marker}\nnew report`);
    expect(r).toEqual({ id: 121, action: 'updated' });
    expect(gh.comments.find((c) => c.id === 121)!.body).toBe(`${marker}\nnew report`);
    expect(gh.comments[5].body).toContain('copied by a person');
    expect(gh.calls.filter((c) => c.operationId === 'issues/list-comments')).toHaveLength(2);
    expect(gh.problems()).toEqual([]);
  });

  it('explains a 403 with the fix: fork PR or missing permission', () => {
    const e = Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    expect(explainWriteError(e, 'create the check run', 'checks', { ...rc, fromFork: true })).toContain('comes from a fork');
    expect(explainWriteError(e, 'create the check run', 'checks', rc)).toContain('"checks: write"');
  });
});
