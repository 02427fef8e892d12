import { compilePatterns, type PatternSet } from '../plan/patterns.js';
import type { Plan } from '../plan/types.js';

/**
 * What the analyser leaves out. Defaults follow DESIGN.md: version control, external dependencies and
 * the build tools' own caches are not task inputs or outputs.
 */
export const DEFAULT_IGNORES = [
  '.git',
  '**/.git/**',
  'node_modules',
  '**/node_modules/**',
  '.nx',
  '.turbo',
  '**/.turbo/**',
  '.pnpm-store',
  '.yarn/cache',
  '.yarn/install-state.gz',
  // io-trace's own folder (created in the workspace even when --db points elsewhere; a nested tool that
  // reads every .gitignore reads its .gitignore too).
  '.io-trace',
];

export interface IgnoreRules {
  /** Paths ignored for every task and every kind of access. */
  all: string[];
  /** Ignored when read (exclude-reads), for every task. */
  reads: string[];
  /** Ignored when written (exclude-writes), for every task. */
  writes: string[];
  /** Per task id: extra read / write exclusions. */
  tasks: Record<string, { reads: string[]; writes: string[] }>;
  /** Tasks not analysed at all (Nx sandboxing `task-exclusions`). */
  excludedTasks: string[];
}

export function emptyIgnoreRules(): IgnoreRules {
  return { all: [], reads: [], writes: [], tasks: {}, excludedTasks: [] };
}

export function mergeIgnoreRules(...rules: IgnoreRules[]): IgnoreRules {
  const out = emptyIgnoreRules();
  for (const r of rules) {
    out.all.push(...r.all);
    out.reads.push(...r.reads);
    out.writes.push(...r.writes);
    out.excludedTasks.push(...r.excludedTasks);
    for (const [task, t] of Object.entries(r.tasks)) {
      const cur = (out.tasks[task] ??= { reads: [], writes: [] });
      cur.reads.push(...t.reads);
      cur.writes.push(...t.writes);
    }
  }
  return out;
}

/**
 * Files the build tool hashes into every task whatever the task declares: Nx adds `nx.json` and the
 * workspace ignore files, Turborepo the package's own `package.json` and `turbo.json`. Nobody can take
 * them out of a task's inputs, so reporting them as unused inputs is noise; they are excluded from
 * reads (a read of one is never a finding either: it is an input of every task).
 */
export function toolDefaultIgnores(plan: Pick<Plan, 'source' | 'tasks'>): IgnoreRules {
  const rules = emptyIgnoreRules();
  if (plan.source === 'nx') rules.reads.push('nx.json', '.gitignore', '.nxignore');
  if (plan.source === 'turbo') {
    for (const t of plan.tasks) {
      const dir = t.projectRoot ? `${t.projectRoot}/` : '';
      rules.tasks[t.id] = { reads: [`${dir}package.json`, `${dir}turbo.json`], writes: [] };
    }
  }
  return rules;
}

/** Compiled ignore rules: answers "is this read/write of this task ignored?". */
export class IgnoreMatcher {
  private readonly all: PatternSet;
  private readonly reads: PatternSet;
  private readonly writes: PatternSet;
  private readonly perTask = new Map<string, { reads: PatternSet; writes: PatternSet }>();
  readonly excludedTasks: ReadonlySet<string>;

  constructor(rules: IgnoreRules, extraAll: string[] = []) {
    this.all = compilePatterns([...DEFAULT_IGNORES, ...rules.all, ...extraAll]);
    this.reads = compilePatterns(rules.reads);
    this.writes = compilePatterns(rules.writes);
    for (const [task, t] of Object.entries(rules.tasks)) {
      this.perTask.set(task, { reads: compilePatterns(t.reads), writes: compilePatterns(t.writes) });
    }
    this.excludedTasks = new Set(rules.excludedTasks);
  }

  ignoredAlways(rel: string): boolean {
    return this.all.covers(rel);
  }

  ignoredRead(task: string, rel: string): boolean {
    return this.all.covers(rel) || this.reads.covers(rel) || (this.perTask.get(task)?.reads.covers(rel) ?? false);
  }

  ignoredWrite(task: string, rel: string): boolean {
    return this.all.covers(rel) || this.writes.covers(rel) || (this.perTask.get(task)?.writes.covers(rel) ?? false);
  }
}
