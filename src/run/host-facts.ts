import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Facts about where a run happened, stored as the run's `host` JSON: the kernel and OS (tracing
 * depends on them), and in GitHub Actions the run, job, commit and pull request, so a database
 * downloaded from an artifact (or merged from a matrix) still says which job it came from.
 */
export interface HostFacts {
  kernel: string;
  os: string;
  arch: string;
  node: string;
  hostname: string;
  github?: GitHubFacts;
}

export interface GitHubFacts {
  repository?: string;
  runId?: string;
  runAttempt?: string;
  workflow?: string;
  job?: string;
  eventName?: string;
  ref?: string;
  /** GITHUB_SHA: on pull_request this is the merge commit. */
  sha?: string;
  /** The PR's head commit (what a check run is attached to). */
  headSha?: string;
  pr?: number;
  runnerOs?: string;
  runnerArch?: string;
  runnerName?: string;
  /** Link to the run's page. */
  url?: string;
}

export function collectHostFacts(env: NodeJS.ProcessEnv = process.env): HostFacts {
  const facts: HostFacts = {
    kernel: os.release(),
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    node: process.version,
    hostname: os.hostname(),
  };
  if (env.GITHUB_ACTIONS) facts.github = githubFacts(env);
  return facts;
}

export function githubFacts(env: NodeJS.ProcessEnv): GitHubFacts {
  const out: GitHubFacts = {};
  const set = <K extends keyof GitHubFacts>(k: K, v: GitHubFacts[K] | undefined | '') => {
    if (v !== undefined && v !== '') out[k] = v;
  };
  set('repository', env.GITHUB_REPOSITORY);
  set('runId', env.GITHUB_RUN_ID);
  set('runAttempt', env.GITHUB_RUN_ATTEMPT);
  set('workflow', env.GITHUB_WORKFLOW);
  set('job', env.GITHUB_JOB);
  set('eventName', env.GITHUB_EVENT_NAME);
  set('ref', env.GITHUB_REF);
  set('sha', env.GITHUB_SHA);
  set('runnerOs', env.RUNNER_OS);
  set('runnerArch', env.RUNNER_ARCH);
  set('runnerName', env.RUNNER_NAME);
  const pr = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '');
  if (pr) out.pr = Number(pr[1]);
  // The event payload has the PR number and head commit; it is an extra, so any failure is ignored.
  if (env.GITHUB_EVENT_PATH) {
    try {
      const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: number; head?: { sha?: string } } };
      if (typeof event.pull_request?.number === 'number') out.pr = event.pull_request.number;
      set('headSha', event.pull_request?.head?.sha);
    } catch {
      // no payload
    }
  }
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    out.url = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`;
  }
  return out;
}
