import path from 'node:path';
import type { Finding, Severity } from '../core/findings.js';
import { sortFindings } from './markdown.js';
import type { Report } from './report.js';
import { displayPath, findingWhat, findingWho, fixText } from './text.js';

/** A check run annotation, shaped as the Checks API takes it (plain data: no @actions import here). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details?: string;
}

export interface AnnotationOptions {
  /** At most this many annotations. */
  max: number;
  /**
   * Repository-relative directory of the workspace root (fix.file is workspace-relative, annotations
   * are repository-relative), e.g. "examples/basic"; "" when the workspace is the repository.
   */
  pathPrefix: string;
}

const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = { error: 'failure', warning: 'warning', info: 'notice' };
/** GitHub rejects annotation messages and details over 64 KB. */
const MAX_FIELD = 60_000;

/**
 * One annotation per root cause (findings are already grouped), on the config line to edit; root causes
 * of one kind for the same task(s) at one line share an annotation. Findings without a known config file
 * are left out (they are in the summary). Errors first, so a limit cuts info before anything real.
 */
export function buildAnnotations(report: Report, options: AnnotationOptions): { annotations: CheckAnnotation[]; omitted: number } {
  const groups = new Map<string, Finding[]>();
  for (const f of sortFindings(report.findings)) {
    if (!f.fix?.file) continue;
    const key = JSON.stringify([f.fix.file, f.fix.line ?? 1, findingWho(f), f.type, f.severity]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(f);
  }
  const all: CheckAnnotation[] = [];
  for (const g of groups.values()) {
    const f = g[0];
    const file = path.posix.normalize(path.posix.join(options.pathPrefix.split(path.sep).join('/'), f.fix!.file!));
    const line = f.fix!.line ?? 1;
    const paths = g.map((x) => displayPath(findingWhat(x)));
    const files = (x: Finding) => (x.samples && x.count && x.count > 1 ? `\nFiles: ${x.samples.map(displayPath).join(', ')}${x.count > x.samples.length ? ', ...' : ''}` : '');
    const tasks = f.tasks && f.tasks.length > 1 ? `\nTasks: ${f.tasks.map(displayPath).join(', ')}` : '';
    const message =
      g.length === 1
        ? `${displayPath(f.message)}${files(f)}${tasks}\nFix: ${displayPath(fixText(f.fix!))}`
        : `${g.length} ${f.type} findings: ${paths.slice(0, 20).join(', ')}${g.length > 20 ? `, and ${g.length - 20} more` : ''}${tasks}\nFix: ${g.map((x) => displayPath(fixText(x.fix!))).filter((s, i, a) => a.indexOf(s) === i).slice(0, 10).join('; ')}`;
    all.push({
      path: file,
      start_line: line,
      end_line: line,
      annotation_level: LEVEL[f.severity],
      title: `${f.type}: ${displayPath(findingWho(f))}`.slice(0, 255),
      message: message.slice(0, MAX_FIELD),
      ...(g.length > 1 ? { raw_details: paths.join('\n').slice(0, MAX_FIELD) } : {}),
    });
  }
  const max = Math.max(0, options.max);
  return { annotations: all.slice(0, max), omitted: Math.max(0, all.length - max) };
}
