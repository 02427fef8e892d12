/**
 * Every name the action shares with action.yml, declared once (tests/action/constants.test.ts parses
 * action.yml and checks both lists match). Mirrors actions/cache src/constants.ts.
 */

export const Inputs = {
  Run: 'run',
  Mode: 'mode',
  ArtifactPrefix: 'artifact-prefix',
  WorkingDirectory: 'working-directory',
  Plan: 'plan',
  Tasks: 'tasks',
  Tracer: 'tracer',
  FailOn: 'fail-on',
  Ignore: 'ignore',
  Config: 'config',
  GithubToken: 'github-token',
  ArtifactName: 'artifact-name',
  RetentionDays: 'retention-days',
  Comment: 'comment',
  CheckName: 'check-name',
  Sarif: 'sarif',
  MaxAnnotations: 'max-annotations',
  RequireTrace: 'require-trace',
  InstallBpftrace: 'install-bpftrace',
  EarlyTracer: 'early-tracer',
  Redact: 'redact',
} as const;
export type InputName = (typeof Inputs)[keyof typeof Inputs];

export const Outputs = {
  Status: 'status',
  Issues: 'issues',
  TasksWithIssues: 'tasks-with-issues',
  Tracer: 'tracer',
  DbPath: 'db-path',
  ReportPath: 'report-path',
  SarifPath: 'sarif-path',
  ExitCode: 'exit-code',
} as const;
export type OutputName = (typeof Outputs)[keyof typeof Outputs];

/** What the main step hands to the post step (core.saveState). */
export const State = {
  /** JSON of ArtifactPlan: where the files are, written before the build starts. */
  Artifact: 'artifact',
  /** "true" once the main step published its reports (else the post step writes a short summary). */
  Reported: 'reported',
  /** "true" when the post step must not upload (main failed before anything was recorded). */
  Nothing: 'nothing',
  /** The standby tracer's folder, started by the pre step (the post step stops it if no run took it). */
  Standby: 'standby',
} as const;

export const DEFAULT_CHECK_NAME = 'io-trace';
/** Artifact name when the input is empty: io-trace-<job id> (matrix jobs must set their own). */
export const DEFAULT_ARTIFACT_PREFIX = 'io-trace';
/** Hidden marker that identifies io-trace's sticky PR comment (per check name). */
export const COMMENT_MARKER_PREFIX = '<!-- io-trace:sticky-comment:';

/** GitHub limits (docs.github.com REST checks, job summaries). */
export const LIMITS = {
  /** Check run output.summary and output.text, in characters. */
  checkText: 65535,
  /** Annotations per create/update request. */
  annotationsPerRequest: 50,
  /** Job summary per step, in bytes. */
  summaryBytes: 1024 * 1024,
  /** Issue comment body, in characters. */
  commentChars: 65536,
} as const;
