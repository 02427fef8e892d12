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
  /** Config file (workspace-relative) and 1-based line to edit, when known. */
  file?: string;
  line?: number;
}

export interface Finding {
  /** Task id. */
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
  /** For summarised findings (unused_input): how many paths it stands for, and a sample. */
  count?: number;
  samples?: string[];
}
