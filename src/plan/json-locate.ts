/**
 * Line numbers inside JSON config files (nx.json, project.json, package.json, turbo.json), so a finding's
 * fix can point at the line that declares a task's inputs/outputs/dependsOn. Tolerates what those tools
 * accept: comments and trailing commas (JSONC). Never throws: a file that does not parse yields no lines.
 */

export interface JsonNode {
  kind: 'object' | 'array' | 'string' | 'other';
  /** 1-based line where the value starts. */
  line: number;
  /** 1-based line of the property key, for object members (else the value's line). */
  keyLine: number;
  value?: string;
  members?: Map<string, JsonNode>;
  items?: JsonNode[];
}

/** Parses JSON/JSONC text into a tree that keeps line numbers; undefined when the text is not JSON. */
export function parseJsonWithLines(text: string): JsonNode | undefined {
  let i = 0;
  let line = 1;
  const n = text.length;

  const skip = (): void => {
    while (i < n) {
      const c = text[i];
      if (c === '\n') {
        line++;
        i++;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') i++;
      else if (c === '/' && text[i + 1] === '/') {
        while (i < n && text[i] !== '\n') i++;
      } else if (c === '/' && text[i + 1] === '*') {
        i += 2;
        while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
          if (text[i] === '\n') line++;
          i++;
        }
        i += 2;
      } else break;
    }
  };

  const str = (): string => {
    // Caller guarantees text[i] === '"'.
    let j = i + 1;
    let raw = '';
    while (j < n && text[j] !== '"') {
      if (text[j] === '\\') {
        raw += text.slice(j, j + 2);
        j += 2;
      } else {
        if (text[j] === '\n') throw new Error('newline in string');
        raw += text[j];
        j++;
      }
    }
    if (j >= n) throw new Error('unterminated string');
    i = j + 1;
    return JSON.parse(`"${raw}"`) as string;
  };

  const value = (keyLine?: number): JsonNode => {
    skip();
    const start = line;
    const c = text[i];
    if (c === '{') {
      i++;
      const members = new Map<string, JsonNode>();
      for (;;) {
        skip();
        if (text[i] === '}') {
          i++;
          break;
        }
        if (text[i] !== '"') throw new Error(`expected key at line ${line}`);
        const kl = line;
        const key = str();
        skip();
        if (text[i] !== ':') throw new Error(`expected ':' at line ${line}`);
        i++;
        members.set(key, value(kl));
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') throw new Error(`expected ',' at line ${line}`);
      }
      return { kind: 'object', line: start, keyLine: keyLine ?? start, members };
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      for (;;) {
        skip();
        if (text[i] === ']') {
          i++;
          break;
        }
        items.push(value());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') throw new Error(`expected ',' at line ${line}`);
      }
      return { kind: 'array', line: start, keyLine: keyLine ?? start, items };
    }
    if (c === '"') return { kind: 'string', line: start, keyLine: keyLine ?? start, value: str() };
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) throw new Error(`unexpected character at line ${line}`);
    i += m[0].length;
    return { kind: 'other', line: start, keyLine: keyLine ?? start };
  };

  try {
    const root = value();
    skip();
    return i >= n ? root : undefined;
  } catch {
    return undefined;
  }
}

/** The member at `path` (object keys, or array indexes as strings). */
export function jsonChild(node: JsonNode | undefined, path: readonly string[]): JsonNode | undefined {
  let cur = node;
  for (const k of path) {
    if (!cur) return undefined;
    if (cur.kind === 'object') cur = cur.members!.get(k);
    else if (cur.kind === 'array' && /^\d+$/.test(k)) cur = cur.items![Number(k)];
    else return undefined;
  }
  return cur;
}

/**
 * The line of the deepest key of `path` that exists, and how many path segments were found: a field
 * left to its default points at the object that would hold it.
 */
export function jsonKeyLine(node: JsonNode | undefined, path: readonly string[]): { line: number; depth: number } | undefined {
  if (!node) return undefined;
  let cur = node;
  let best = { line: node.line, depth: 0 };
  for (let d = 0; d < path.length; d++) {
    const next = jsonChild(cur, [path[d]]);
    if (!next) break;
    cur = next;
    best = { line: next.keyLine, depth: d + 1 };
  }
  return best;
}
