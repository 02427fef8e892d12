import os from 'node:os';
import * as core from '@actions/core';
import { BpftraceTracer } from '../tracer/bpftrace.js';
import { standbyDir, stopStandby } from '../tracer/standby.js';
import { State } from './constants.js';
import { envInputGetter, readInputs } from './inputs.js';
import { actionLogger, safeLine } from './log.js';
import { detectPrivilege, exec, prepareTracing } from './setup.js';

/**
 * The pre step (job start, before checkout): get bpftrace ready (install it, mount tracefs, self-test)
 * and start a standby tracer that compiles and attaches while the job's other steps run, so the main
 * step's `io-trace run` adopts it instead of paying 1-2 s of attach while the build waits. Best effort:
 * anything that fails here is left to the main step, which sets up as before and says why.
 */
export async function pre(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let inputs;
  try {
    inputs = readInputs(envInputGetter(env), env);
  } catch {
    return; // the main step reports bad inputs
  }
  if (inputs.mode !== 'run' || !inputs.earlyTracer || process.platform !== 'linux') return;
  if (inputs.tracer !== 'auto' && inputs.tracer !== 'bpftrace') return;
  const log = actionLogger();
  const t0 = Date.now();
  const who = os.userInfo();
  const privilege = await detectPrivilege(exec, { uid: who.uid, gid: who.gid, user: who.username });
  if (privilege.kind === 'none') return;
  const setup = await prepareTracing({ request: 'bpftrace', privilege, backends: ['bpftrace'], installBpftrace: inputs.installBpftrace, platform: process.platform, exec, log });
  if (setup.tracer !== 'bpftrace') {
    core.info(safeLine(`io-trace: no standby tracer (${setup.notes.join('; ')}); the main step sets up tracing itself`));
    return;
  }
  const dir = standbyDir(env);
  try {
    // A job's steps take at most 6 h; the post step stops it earlier.
    const record = await new BpftraceTracer().startStandby(dir, { idleSeconds: 6 * 3600, waitReady: false, log });
    core.saveState(State.Standby, dir);
    core.info(safeLine(`io-trace: bpftrace ${record.bpftraceVersion ?? ''} compiles and attaches in the background (pid ${record.pid}) while the job goes on; set-up ${Date.now() - t0} ms`));
  } catch (e) {
    core.info(safeLine(`io-trace: no standby tracer (${(e as Error).message}); the main step starts bpftrace itself`));
  }
}

/** Stop a standby tracer no run claimed (the post step: the main step failed early, or was skipped). */
export function stopUnusedStandby(dir: string): string | null {
  return stopStandby(dir) ? `io-trace: stopped the standby tracer no run used (${dir})` : null;
}
