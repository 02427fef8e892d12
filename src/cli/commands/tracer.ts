import { existsSync } from 'node:fs';
import { ConfigurationError } from '../../core/errors.js';
import { parse } from '../args.js';
import { BpftraceTracer, bpftraceCommand } from '../../tracer/bpftrace.js';
import { readStandbyRecord, standbyAlive, standbyDir, stopStandby, STANDBY_ENV } from '../../tracer/standby.js';
import type { CommandContext } from './run.js';

export const TRACER_HELP = `Usage: io-trace tracer start|stop|status [options]

A standby tracer: bpftrace compiled and attached before the build, so \`io-trace run\` does not wait for
it (1-2 s of every run). \`start\` leaves bpftrace running, following nothing, until the next
\`io-trace run\` claims it (one run per standby) or its idle limit passes. The GitHub Action starts one
in its pre step. Needs root (or passwordless sudo), like bpftrace itself.

  start    start a standby tracer in the standby folder and print the folder
  stop     stop an unclaimed standby tracer and remove its folder
  status   say whether a standby tracer is there and alive

Options:
  --dir DIR          the standby folder (default $${STANDBY_ENV}, else <RUNNER_TEMP or /tmp>/io-trace-standby);
                     \`io-trace run\` looks in the same place
  --idle SECONDS     start: exit by itself if no run claimed it by then (default 3600)
  --no-wait          start: return as soon as bpftrace runs, without waiting for its probes to attach
  --bpftrace CMD     the command that runs bpftrace (default $IO_TRACE_BPFTRACE, else bpftrace)
`;

export async function tracerCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parse('tracer', ctx.argv, {
    dir: { type: 'string' },
    idle: { type: 'string' },
    'no-wait': { type: 'boolean' },
    bpftrace: { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    ctx.stdout.write(TRACER_HELP);
    return 0;
  }
  const action = positionals[0];
  const dir = values.dir ? standbyDir({ [STANDBY_ENV]: values.dir }) : standbyDir();
  if (action === 'start') {
    const idle = values.idle === undefined ? 3600 : Number(values.idle);
    if (!Number.isInteger(idle) || idle <= 0) throw new ConfigurationError(`--idle ${values.idle}: expected a positive number of seconds`);
    const tracer = new BpftraceTracer(values.bpftrace !== undefined ? { command: bpftraceCommand(values.bpftrace) } : {});
    const record = await tracer.startStandby(dir, { idleSeconds: idle, waitReady: !values['no-wait'], log: ctx.log });
    ctx.log.info(`standby tracer ready (bpftrace ${record.bpftraceVersion ?? '?'}, pid ${record.pid}); the next io-trace run with ${STANDBY_ENV}=${dir} (or this default) uses it`);
    ctx.stdout.write(`${dir}\n`);
    return 0;
  }
  if (action === 'status') {
    if (!existsSync(dir)) {
      ctx.stdout.write(`no standby tracer at ${dir}\n`);
      return 1;
    }
    const record = readStandbyRecord(dir);
    const alive = standbyAlive(record);
    ctx.stdout.write(`${alive ? 'alive' : 'gone'}: standby tracer at ${dir}, bpftrace ${record.bpftraceVersion ?? '?'} pid ${record.pid}, started ${Math.round((Date.now() - record.startedAt) / 1000)} s ago, idle limit ${record.idleSeconds} s\n`);
    return alive ? 0 : 1;
  }
  if (action === 'stop') {
    const stopped = stopStandby(dir);
    ctx.stdout.write(stopped ? `stopped the standby tracer at ${dir}${stopped.wasAlive ? '' : ' (its bpftrace had already gone)'}\n` : `no standby tracer at ${dir}\n`);
    return 0;
  }
  throw new ConfigurationError(`io-trace tracer: say start, stop or status (see io-trace tracer --help)`);
}
