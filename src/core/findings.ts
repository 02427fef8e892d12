/**
 * Finding types and severities: names are a public contract (JSON report, SQLite, CLI), mirrored in
 * README.md "Findings". Change them only with a schema version bump.
 */

export const FINDING_TYPES = [
  'unexpected_read',
  'unexpected_write',
  'missing_output',
  'unused_input',
  'undeclared_dependency',
  'overlapping_output',
  'input_mutation',
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DEFAULT_SEVERITY: Record<FindingType, Severity> = {
  unexpected_read: 'error',
  unexpected_write: 'error',
  missing_output: 'warning',
  unused_input: 'info',
  undeclared_dependency: 'error',
  overlapping_output: 'error',
  input_mutation: 'warning',
};

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The edit that fixes a finding, in the build tool's own terms. */
export interface Fix {
  /** One sentence a person can act on, e.g. `add "{projectRoot}/config.json" to inputs of app:build`. */
  summary: string;
  /** Which declared field to change. */
  field: 'inputs' | 'outputs' | 'dependsOn' | 'ignore';
  /** Values to add to that field, in the tool's syntax. */
  add?: string[];
  /**
   * The whole list to write when the edit creates or overrides the field (Nx `inputs` replace the
   * defaults, a project's list replaces `targetDefaults`', a package turbo.json's replaces the root's):
   * the existing entries with the new ones.
   */
  set?: string[];
  /**
   * Where the values go when not into the task's own field: a workspace-wide list (turbo.json
   * `globalDependencies`, nx.json `namedInputs.sharedGlobals`), as a file and JSON path.
   */
  to?: { file: string; path: string[] };
  /** Why `io-trace fix` leaves this one to a person (the summary says what to do). */
  manual?: string;
  /** A second edit the fix needs (e.g. turbo input_mutation: add to outputs and `!` it from inputs). */
  also?: { field: 'inputs' | 'outputs' | 'dependsOn'; add: string[] }[];
  /** Config file (workspace-relative) and 1-based line to edit, when known. */
  file?: string;
  line?: number;
}

/**
 * One root cause: every file and task that one fix covers (505 writes under one `dist/`, 15 tasks reading
 * one root tsconfig). `task`/`path` are the first (or only) of `tasks`/`samples`; per-file detail stays
 * in the trace database (`io-trace files`).
 */
export interface Finding {
  /** Task id (the first of `tasks`). */
  task: string;
  type: FindingType;
  /** Workspace-relative path (or the declared pattern, for missing_output / unused_input). */
  path: string;
  severity: Severity;
  /** One line that says what happened. */
  message: string;
  fix?: Fix;
  /** The other task, for undeclared_dependency / overlapping_output. */
  otherTask?: string;
  /** How many distinct paths it stands for, and up to 10 of them. */
  count?: number;
  samples?: string[];
  /** Every task the root cause shows in (when more than one). */
  tasks?: string[];
  /** Why the severity is lower than the type's default (tool cache, arguable read, unchanged content...). */
  reason?: string;
}

/** Types in the order of likely impact within a severity: what breaks a build or a cache hit first. */
export const TYPE_RANK: Record<FindingType, number> = {
  overlapping_output: 7,
  undeclared_dependency: 6,
  unexpected_write: 5,
  unexpected_read: 4,
  input_mutation: 3,
  missing_output: 2,
  unused_input: 1,
};
