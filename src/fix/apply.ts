import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { ConfigEdit, JsonPath } from './locate.js';

/**
 * Applies edits to a JSON/JSONC text the way a person would: only the inserted bytes change. Formatting,
 * key order, comments and the trailing newline stay; a one-line array stays on one line, a multi-line
 * one gets a new line at its indentation. (jsonc-parser's modify() re-formats the whole line it touches,
 * which turns `"build": { "inputs": ["a"] }` into seven lines, so the insertion is done here on its
 * offsets.) Values already in an array are not added twice.
 */
export function applyConfigEdits(text: string, edits: readonly ConfigEdit[]): string {
  let out = text;
  const indentUnit = detectIndent(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const edit of edits) {
    const tree = parseTree(out, [], { allowTrailingComma: true });
    if (!tree) throw new Error('not a JSON document');
    const node = findNodeAtLocation(tree, edit.path);
    if (node && node.type === 'array') {
      const present = (node.children ?? []).map((c) => canonical(jsonAt(out, c)));
      const missing = unique(edit.values).filter((v) => !present.includes(canonical(v)));
      if (missing.length) out = appendToArray(out, node, missing, eol);
      continue;
    }
    if (node) throw new Error(`${edit.path.join('.')} is a ${node.type}, not an array`);
    out = createProperty(out, tree, edit.path, unique([...edit.base, ...edit.values]), indentUnit, eol);
  }
  return out;
}

function unique(values: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) if (!out.some((x) => canonical(x) === canonical(v))) out.push(v);
  return out;
}

function jsonAt(text: string, n: Node): unknown {
  try {
    return JSON.parse(text.slice(n.offset, n.offset + n.length));
  } catch {
    return text.slice(n.offset, n.offset + n.length);
  }
}

/** A key for "the same value" that ignores object key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** One-line JSON with a space after ':' and ',' (how people write short values in these files). */
function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }`.replace('{  }', '{}');
  return JSON.stringify(v);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function multiLine(text: string, n: Node): boolean {
  return text.slice(n.offset, n.offset + n.length).includes('\n');
}

function appendToArray(text: string, arr: Node, values: unknown[], eol: string): string {
  const items = arr.children ?? [];
  const close = arr.offset + arr.length - 1; // the ']'
  if (items.length === 0) {
    const inner = text.slice(arr.offset + 1, close);
    if (inner.includes('\n')) {
      const indent = indentAt(text, arr.offset) + detectIndent(text);
      return text.slice(0, arr.offset + 1) + eol + values.map((v) => indent + inline(v)).join(',' + eol) + eol + indentAt(text, close) + text.slice(close);
    }
    return text.slice(0, arr.offset + 1) + values.map(inline).join(', ') + text.slice(close);
  }
  const last = items[items.length - 1];
  const at = last.offset + last.length;
  if (multiLine(text, arr)) {
    const indent = indentAt(text, last.offset);
    return text.slice(0, at) + values.map((v) => ',' + eol + indent + inline(v)).join('') + text.slice(at);
  }
  return text.slice(0, at) + values.map((v) => ', ' + inline(v)).join('') + text.slice(at);
}

/** Adds `path` = value, creating the objects on the way that do not exist yet. */
function createProperty(text: string, tree: Node, path: JsonPath, value: unknown, unit: string, eol: string): string {
  // The deepest object on the path that exists.
  let depth = path.length - 1;
  let parent: Node | undefined;
  for (; depth >= 0; depth--) {
    parent = depth === 0 ? tree : findNodeAtLocation(tree, path.slice(0, depth));
    if (parent) break;
  }
  if (!parent || parent.type !== 'object') throw new Error(`cannot add ${path.join('.')}: ${path.slice(0, Math.max(depth, 0)).join('.') || 'the document'} is not an object`);
  let nested: unknown = value;
  for (let i = path.length - 1; i > depth; i--) nested = { [String(path[i])]: nested };
  const key = String(path[depth]);
  const props = parent.children ?? [];
  const close = parent.offset + parent.length - 1;
  if (!multiLine(text, parent)) {
    const entry = `${JSON.stringify(key)}: ${inline(nested)}`;
    if (props.length === 0) return text.slice(0, parent.offset + 1) + ' ' + entry + ' ' + text.slice(close);
    const last = props[props.length - 1];
    const at = last.offset + last.length;
    return text.slice(0, at) + ', ' + entry + text.slice(at);
  }
  const indent = props.length ? indentAt(text, props[0].offset) : indentAt(text, parent.offset) + unit;
  const entry = `${JSON.stringify(key)}: ${block(nested, indent, unit, eol)}`;
  if (props.length === 0) return text.slice(0, parent.offset + 1) + eol + indent + entry + eol + indentAt(text, close) + text.slice(close);
  const last = props[props.length - 1];
  const at = last.offset + last.length;
  return text.slice(0, at) + ',' + eol + indent + entry + text.slice(at);
}

/** Objects on their own lines; arrays of plain values on one line, as in Nx and Turborepo docs. */
function block(v: unknown, indent: string, unit: string, eol: string): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const inner = indent + unit;
    const entries = Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${block(x, inner, unit, eol)}`);
    return `{${eol}${entries.join(',' + eol)}${eol}${indent}}`;
  }
  return inline(v);
}

/** The file's indentation unit (two spaces when it has none). */
export function detectIndent(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}
