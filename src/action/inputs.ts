import { ConfigurationError } from '../core/errors.js';
import type { TracerRequest } from '../tracer/select.js';
import { DEFAULT_ARTIFACT_PREFIX, DEFAULT_CHECK_NAME, Inputs, type InputName } from './constants.js';

export type FailOn = 'none' | 'warning' | 'error';

export type ActionMode = 'run' | 'aggregate';

export interface ActionInputs {
  mode: ActionMode;
  run: string;
  /** Aggregate mode: which of the workflow run's artifacts to combine. */
  artifactPrefix: string;
  workingDirectory: string;
  plan: string;
  tasks: string[];
  tracer: TracerRequest;
  failOn: FailOn;
  ignore: string[];
  config: string | null;
  token: string;
  artifactName: string;
  retentionDays: number | null;
  comment: boolean;
  checkName: string;
  sarif: string | null;
  maxAnnotations: number;
  requireTrace: boolean;
  installBpftrace: boolean;
  /** Start bpftrace in the pre step, before the build (a standby tracer). */
  earlyTracer: boolean;
  redact: string[];
}

/** Reads one input as the runner passes it (INPUT_<NAME>), trimmed; "" when unset. */
export type InputGetter = (name: InputName) => string;

export function envInputGetter(env: NodeJS.ProcessEnv): InputGetter {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function oneOf<T extends string>(name: InputName, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new ConfigurationError(`input ${name}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  return value as T;
}

function bool(name: InputName, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  // The YAML 1.2 core schema booleans, as @actions/core getBooleanInput takes them.
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new ConfigurationError(`input ${name}: ${JSON.stringify(value)} is not a boolean: use true or false`);
}

function int(name: InputName, value: string, min: number, max: number): number | null {
  if (value === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigurationError(`input ${name}: ${JSON.stringify(value)} must be a whole number from ${min} to ${max}`);
  return n;
}

const lines = (v: string) => v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

/** The action's inputs, validated: a bad value is a ConfigurationError naming the input and what it takes. */
export function readInputs(get: InputGetter, env: NodeJS.ProcessEnv): ActionInputs {
  const mode = oneOf(Inputs.Mode, get(Inputs.Mode), ['run', 'aggregate'] as const, 'run');
  const run = get(Inputs.Run);
  if (!run && mode === 'run') throw new ConfigurationError(`input ${Inputs.Run} is required: the build command, e.g. "run: npx nx run-many -t build --skip-nx-cache"`);
  return {
    mode,
    run,
    artifactPrefix: get(Inputs.ArtifactPrefix) || DEFAULT_ARTIFACT_PREFIX,
    workingDirectory: get(Inputs.WorkingDirectory) || '.',
    plan: get(Inputs.Plan) || 'auto',
    tasks: get(Inputs.Tasks).split(/[,\n]/).map((s) => s.trim()).filter(Boolean),
    tracer: oneOf(Inputs.Tracer, get(Inputs.Tracer), ['auto', 'bpftrace', 'strace', 'none'] as const, 'auto'),
    failOn: oneOf(Inputs.FailOn, get(Inputs.FailOn), ['none', 'warning', 'error'] as const, 'none'),
    ignore: lines(get(Inputs.Ignore)),
    config: get(Inputs.Config) || null,
    token: get(Inputs.GithubToken),
    artifactName: get(Inputs.ArtifactName) || `${DEFAULT_ARTIFACT_PREFIX}-${env.GITHUB_JOB || 'build'}`,
    retentionDays: int(Inputs.RetentionDays, get(Inputs.RetentionDays), 1, 400),
    comment: bool(Inputs.Comment, get(Inputs.Comment), false),
    checkName: get(Inputs.CheckName) || DEFAULT_CHECK_NAME,
    sarif: get(Inputs.Sarif) || null,
    maxAnnotations: int(Inputs.MaxAnnotations, get(Inputs.MaxAnnotations), 0, 10_000) ?? 50,
    requireTrace: bool(Inputs.RequireTrace, get(Inputs.RequireTrace), false),
    installBpftrace: bool(Inputs.InstallBpftrace, get(Inputs.InstallBpftrace), true),
    earlyTracer: bool(Inputs.EarlyTracer, get(Inputs.EarlyTracer), true),
    // Short values would turn ordinary words into *** everywhere; GitHub's own masking skips them too.
    redact: lines(get(Inputs.Redact)).filter((s) => s.length >= 4),
  };
}
