/**
 * Making untrusted text (file names, commands) safe to print: control characters (newline, tab, ESC)
 * are shown escaped so a file name cannot fake extra lines, move the cursor, or start a line with a
 * `::workflow-command::`.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function displayPath(p: string): string {
  return CONTROL.test(p) ? JSON.stringify(p) : p;
}

export function displayCommand(argv: readonly string[]): string {
  return argv.map((a) => (CONTROL.test(a) ? JSON.stringify(a) : /[\s'"\\$`]/.test(a) ? `'${a.replace(/'/g, `'\\''`)}'` : a)).join(' ');
}

/** The shape every reporter reads from a finding (kept structural so text.ts imports nothing). */
interface FindingLike {
  task: string;
  path: string;
  otherTask?: string;
  count?: number;
  tasks?: string[];
  type?: string;
  fix?: { summary: string; file?: string; line?: number };
}

/** Who a finding is about: the task (with the other task), or "N tasks (a, b, c, ...)" for a shared cause. */
export function findingWho(f: FindingLike, max = 3): string {
  if (f.tasks && f.tasks.length > 1) return `${f.tasks.length} tasks (${f.tasks.slice(0, max).join(', ')}${f.tasks.length > max ? ', ...' : ''})`;
  return f.otherTask ? `${f.task} (with ${f.otherTask})` : f.task;
}

/** What a finding is about: the path or pattern, and how many files it stands for. */
export function findingWhat(f: FindingLike): string {
  if (f.count && f.count > 1) return `${f.path} (${f.count} files)`;
  return f.path;
}

/** The fix and where to make it, the location said once (summaries often name it already). */
export function fixText(fix: NonNullable<FindingLike['fix']>): string {
  if (!fix.file) return fix.summary;
  const loc = `${fix.file}${fix.line ? `:${fix.line}` : ''}`;
  return fix.summary.includes(loc) || fix.summary.includes(`in ${fix.file}`) ? fix.summary : `${fix.summary} (${loc})`;
}
