import * as core from '@actions/core';
import { byteLength } from '../report/markdown.js';
import { uploadEvidence, type ArtifactPlan } from './artifacts.js';
import { Inputs, State } from './constants.js';
import { envInputGetter } from './inputs.js';
import { stopUnusedStandby } from './pre.js';

/**
 * The post step (always runs, also after cancellation): upload what the main step recorded, with
 * known secrets removed from the copies. An upload failure is a warning, never the verdict.
 */
export async function post(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const standby = core.getState(State.Standby);
  const stopped = standby ? stopUnusedStandby(standby) : null;
  if (stopped) core.info(stopped);
  const raw = core.getState(State.Artifact);
  if (!raw) {
    core.info('io-trace: the main step recorded nothing: no artifact');
    return;
  }
  const plan = JSON.parse(raw) as ArtifactPlan;
  const get = envInputGetter(env);
  const secrets = [get(Inputs.GithubToken), ...get(Inputs.Redact).split(/\r?\n/).map((s) => s.trim())].filter((s) => s.length >= 4);
  const reported = core.getState(State.Reported) === 'true';
  let line: string;
  const t0 = Date.now();
  try {
    const r = await uploadEvidence(plan, secrets);
    line = r.id === null ? 'io-trace: nothing was recorded to upload' : `io-trace: uploaded artifact "${plan.name}" (id ${r.id}, ${r.size} bytes): ${r.uploaded.join(', ')}`;
    core.info(line);
    core.info(`io-trace: timings ms: upload ${Date.now() - t0}`);
  } catch (e) {
    line = `io-trace could not upload the artifact "${plan.name}": ${(e as Error).message}`;
    core.warning(line);
  }
  if (!reported) {
    // The main step ended before its report (cancelled or killed): say what happened where people look.
    const md = `## io-trace: :warning: the build step did not finish\n\nThe main step was cancelled or killed before io-trace published its report. ${line.replace(/[&<>"'`*_[\]|\\@#]/g, (c) => `&#${c.charCodeAt(0)};`)}\n`;
    try {
      if (byteLength(md) < 100_000) await core.summary.addRaw(md).write();
    } catch (e) {
      core.warning(`io-trace could not write the job summary: ${(e as Error).message}`);
    }
  }
}
