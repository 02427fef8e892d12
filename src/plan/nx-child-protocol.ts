/** What src/plan/nx.ts and its child process (src/plan/nx-child.ts, dist/nx-child.js) exchange. */

export interface NxChildRequest {
  nxDir: string;
  workspaceRoot: string;
  resultFile: string;
  targets: string[];
  /** Project names or nx project patterns (`-p`). */
  projects: string[];
  tasks: string[];
  /** nx project patterns (`--exclude`). */
  exclude: string[];
  configuration?: string | undefined;
  forceCli: boolean;
}

export interface NxChildTask {
  id: string;
  project: string;
  target: string;
  configuration: string | null;
  projectRoot: string;
  executor: string | null;
  hashInputs: { files: string[]; runtime: string[]; environment: string[]; depOutputs: string[]; external: string[] } | null;
  outputs: string[];
  unresolvedOutputs: string[];
  depsOutputs: { dependentTasksOutputFiles: string; transitive?: boolean }[];
  dependsOn: string[];
  commands?: string[];
  /** The target's `cache` (null: not set), `continuous`, declared `inputs`, and the named inputs it sees. */
  cache?: boolean | null;
  continuous?: boolean;
  declaredInputs?: unknown[] | null;
  namedInputs?: Record<string, unknown[]>;
  sourceMap: Record<'target' | 'inputs' | 'outputs' | 'dependsOn', [string, string] | null>;
}

export interface NxChildResult {
  userError?: string;
  crash?: string;
  stack?: string;
  fallback?: string;
  ids?: string[];
  method?: string;
  timings?: Record<string, number>;
  tasks?: NxChildTask[];
  nxJsonPlugins?: string[];
  /** Nx < 17's `tasksRunnerOptions.default.options.cacheableOperations`. */
  cacheableOperations?: string[] | null;
}

/** Environment variable carrying the JSON request. */
export const NX_CHILD_REQUEST_ENV = 'IO_TRACE_NX_REQUEST';
