/**
 * The resolved plan: every task io-trace will check, with what it declared. Every plan source
 * (native plan file, Nx, Turborepo) produces this; the analyser consumes only this.
 * All paths and patterns are relative to `workspaceRoot`, with '/' separators.
 */

export type PlanSourceKind = 'file' | 'nx' | 'turbo';

/** Where in the user's config a field is declared, so a fix or annotation can point at it. */
export interface SourceLocation {
  /** Workspace-relative file, e.g. "packages/app/project.json", "nx.json", "turbo.json". */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** What the location defines, in the tool's words: e.g. `targetDefaults.build.inputs`. */
  what?: string;
}

/** An input that is not a workspace file (env var, runtime command, external package). Kept for the report. */
export interface NonFileInput {
  type: 'env' | 'runtime' | 'external' | 'other';
  value: string;
}

export interface PlanTask {
  /** Unique task id, e.g. "app:build" or "app:build:production", or turbo's "app#build". */
  id: string;
  project: string;
  target: string;
  configuration?: string;
  /** Workspace-relative project directory ("" for the root project). */
  projectRoot: string;
  /**
   * Input file patterns, workspace-relative globs; a leading '!' excludes. A pattern without glob
   * characters names a file, or a directory and everything under it.
   */
  inputs: string[];
  nonFileInputs?: NonFileInput[];
  /** Output patterns, same syntax as inputs. */
  outputs: string[];
  /** Ids of tasks this task depends on (direct). */
  dependsOn: string[];
  /**
   * Environment variables whose values identify this task's processes (all must match), e.g.
   * {NX_TASK_TARGET_PROJECT: "app", NX_TASK_TARGET_TARGET: "build"} or {TURBO_HASH: "..."}.
   * Every task is also matched by IO_TRACE_TASK=<id>.
   */
  identity?: Record<string, string>;
  /**
   * Shell commands the tool starts for this task as `sh -c <command>` (Nx run-commands): identify a
   * process whose environment could not be read before it exited.
   */
  commands?: string[];
  /**
   * False when the tool never caches this task (Nx `cache: false` or unset, `continuous`; Turborepo
   * `cache: false`, `persistent`): no stale cache is possible, so its I/O is not graded. Undefined: cacheable.
   */
  cacheable?: boolean;
  /**
   * Files (workspace-relative, same syntax as `inputs`) the tool hashes into this task through its
   * dependencies rather than its own inputs: Turborepo folds each dependency task's hash (its inputs,
   * also for a dependency whose script does not exist) into the task's hash.
   */
  dependencyInputs?: string[];
  /**
   * The task's inputs as the user declared them, before the tool resolved them to files: Nx entries
   * (named inputs, `{projectRoot}`/`{workspaceRoot}` globs, `^name`, objects) or Turborepo globs
   * (package-relative, `$TURBO_DEFAULT$`, `$TURBO_ROOT$/`). Used to name the declared pattern behind an
   * unused input and to write fixes that keep the existing entries. Undefined when not known.
   */
  declaredInputs?: unknown[];
  /** Nx named inputs visible to this task (nx.json's, overridden by the project's). */
  namedInputs?: Record<string, unknown[]>;
  /** Where the task's inputs / outputs / dependsOn are declared (for fixes and annotations). */
  declaredAt?: {
    inputs?: SourceLocation;
    outputs?: SourceLocation;
    dependsOn?: SourceLocation;
  };
}

export interface Plan {
  source: PlanSourceKind;
  /** Absolute, real (symlink-free) path of the workspace root. */
  workspaceRoot: string;
  /** The plan file, for source 'file' (absolute). */
  file?: string;
  /** Build tool version when known (nx / turbo). */
  toolVersion?: string;
  tasks: PlanTask[];
}
