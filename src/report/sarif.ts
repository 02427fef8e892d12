import { createHash } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_SEVERITY, FINDING_TYPES, type FindingType, type Severity } from '../core/findings.js';
import type { Report } from './report.js';
import { fixText } from './text.js';

/** Short rule descriptions (the long form is README "Findings"). */
const RULE_TEXT: Record<FindingType, string> = {
  unexpected_read: 'A task read a workspace file its declared inputs do not cover (stale cache hits).',
  unexpected_write: 'A task wrote a workspace file its declared outputs do not cover (a cache hit restores nothing).',
  missing_output: 'A declared output pattern matched nothing the task wrote.',
  unused_input: 'Declared input files the task never opened.',
  undeclared_dependency: 'A task read a file another task writes, without depending on it (a race).',
  overlapping_output: 'Two tasks wrote the same file.',
  input_mutation: 'A task wrote one of its own declared inputs.',
};

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Repository-relative directory of the workspace root ("" when it is the repository root). */
  pathPrefix: string;
  informationUri?: string;
}

/**
 * The findings as SARIF 2.1.0 (for code scanning upload): one rule per finding type; a result is
 * located at the config line to fix when known, else at the accessed file; the accessed file is also a
 * related location. Fingerprints are stable across runs (task, type, path).
 */
export function formatSarif(report: Report, options: SarifOptions): object {
  const rel = (p: string) => path.posix.normalize(path.posix.join(options.pathPrefix.split(path.sep).join('/'), p));
  const uri = (p: string) => rel(p).split('/').map(encodeURIComponent).join('/');
  const results = report.findings.map((f) => {
    // A root cause's path may be a pattern (`dist/**`, `{workspaceRoot}/x via sharedGlobals`): locate a real file.
    const file = (f.count && f.count > 1) || f.type === 'unused_input' ? (f.samples?.[0] ?? f.path) : f.path;
    const accessed = { physicalLocation: { artifactLocation: { uri: uri(file), uriBaseId: '%SRCROOT%' } } };
    const fixAt = f.fix?.file
      ? { physicalLocation: { artifactLocation: { uri: uri(f.fix.file), uriBaseId: '%SRCROOT%' }, region: { startLine: f.fix.line ?? 1 } } }
      : undefined;
    return {
      ruleId: f.type,
      ruleIndex: FINDING_TYPES.indexOf(f.type),
      level: LEVEL[f.severity],
      message: { text: f.fix ? `${f.message} Fix: ${fixText(f.fix)}` : f.message },
      locations: [fixAt ?? accessed],
      ...(fixAt ? { relatedLocations: [{ id: 1, ...accessed, message: { text: 'the file accessed' } }] } : {}),
      partialFingerprints: { ioTraceFinding: createHash('sha256').update(JSON.stringify([f.task, f.type, f.path, f.otherTask ?? ''])).digest('hex') },
      properties: {
        task: f.task,
        path: f.path,
        ...(f.otherTask ? { otherTask: f.otherTask } : {}),
        ...(f.count ? { count: f.count } : {}),
        ...(f.samples ? { samples: f.samples } : {}),
        ...(f.tasks ? { tasks: f.tasks } : {}),
        ...(f.reason ? { reason: f.reason } : {}),
      },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'io-trace',
            version: report.tool.version,
            informationUri: options.informationUri ?? 'https://github.com/io-trace/io-trace',
            rules: FINDING_TYPES.map((t) => ({
              id: t,
              name: t.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase()),
              shortDescription: { text: RULE_TEXT[t] },
              defaultConfiguration: { level: LEVEL[DEFAULT_SEVERITY[t]] },
            })),
          },
        },
        // A stable category: code scanning tracks alerts per category across runs.
        automationDetails: { id: 'io-trace/' },
        invocations: [{ executionSuccessful: report.run.exitCode === 0, exitCode: report.run.exitCode ?? undefined }],
        results,
      },
    ],
  };
}
