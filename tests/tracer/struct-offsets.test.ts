/**
 * The BTF reader (against BTF built here byte by byte, and the running kernel's own) and the script's
 * struct reads rewritten as offsets. That the rewritten script traces the same as the written one is
 * the real-bpftrace tests' job (tests/tracer/bpftrace.test.ts runs what scriptToRun gives: relative
 * paths, fd-relative paths, the directory walk across mounts, argv and the exec's environment).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/logger.js';
import { KERNEL_BTF, KernelBtf } from '../../src/tracer/btf.js';
import { adaptScript, defaultScriptPath, scriptToRun } from '../../src/tracer/bpftrace.js';
import { inlineStructOffsets } from '../../src/tracer/struct-offsets.js';

/** Raw BTF from type records (each: name, kind, vlen, size-or-type, extra u32s) and their names. */
function buildBtf(types: Array<{ name?: string; kind: number; vlen?: number; kindFlag?: boolean; sizeOrType: number; extra?: number[]; memberNames?: string[] }>): Buffer {
  const strings: string[] = [''];
  const stringOffset = (s: string | undefined): number => {
    if (!s) return 0;
    let at = 0;
    for (const t of strings) {
      if (t === s) return at;
      at += Buffer.byteLength(t) + 1;
    }
    strings.push(s);
    return at;
  };
  const words: number[] = [];
  for (const t of types) {
    words.push(stringOffset(t.name), ((t.kindFlag ? 1 : 0) << 31) | (t.kind << 24) | (t.vlen ?? 0), t.sizeOrType);
    const extra = [...(t.extra ?? [])];
    // A struct's members: name, type, offset per member; the name slots are filled here.
    (t.memberNames ?? []).forEach((m, i) => (extra[3 * i] = stringOffset(m)));
    words.push(...extra);
  }
  const typeSection = Buffer.alloc(words.length * 4);
  words.forEach((w, i) => typeSection.writeUInt32LE(w >>> 0, i * 4));
  const stringSection = Buffer.from(strings.join('\0') + '\0', 'latin1');
  const header = Buffer.alloc(24);
  header.writeUInt16LE(0xeb9f, 0);
  header.writeUInt8(1, 2);
  header.writeUInt32LE(24, 4);
  header.writeUInt32LE(0, 8);
  header.writeUInt32LE(typeSection.length, 12);
  header.writeUInt32LE(typeSection.length, 16);
  header.writeUInt32LE(stringSection.length, 20);
  return Buffer.concat([header, typeSection, stringSection]);
}

// 1 int (4 bytes), 2 u32 typedef, 3 pointer to 5, 4 anonymous union { u32 len; u64 hash_len }, 5 struct
// qstr_like { u32 hash; <union 4 at 4>; char *name at 8 }, 6 forward decl of struct other, 7 const
// struct qstr_like, 8 struct holder { int flags:3 (bit field); struct qstr_like q at 8 via const; }
const SYNTHETIC = buildBtf([
  { name: 'unsigned int', kind: 1, sizeOrType: 4, extra: [32] },
  { name: 'u32', kind: 8, sizeOrType: 1 },
  { kind: 2, sizeOrType: 5 },
  { kind: 5, vlen: 2, sizeOrType: 8, extra: [0, 2, 0, 0, 1, 0], memberNames: ['len', 'hash_len'] },
  { name: 'qstr_like', kind: 4, vlen: 3, sizeOrType: 16, extra: [0, 2, 0, 0, 4, 32, 0, 3, 64], memberNames: ['hash', '', 'name'] },
  { name: 'other', kind: 7, sizeOrType: 0 },
  { kind: 10, sizeOrType: 5 },
  { name: 'holder', kind: 4, vlen: 2, kindFlag: true, sizeOrType: 24, extra: [0, 1, (3 << 24) | 0, 0, 7, 64], memberNames: ['flags', 'q'] },
]);

// In CI the kernel's BTF must be there (bpftrace needs it too): a missing one fails these, never skips them.
const kernelBtf = existsSync(KERNEL_BTF) || Boolean(process.env.CI);

describe('KernelBtf', () => {
  it('finds members through anonymous unions, typedefs and qualifiers, with their sizes', () => {
    const btf = new KernelBtf(SYNTHETIC);
    expect(btf.place('qstr_like', 'hash')).toEqual({ offset: 0, size: 4 });
    expect(btf.place('qstr_like', 'len')).toEqual({ offset: 4, size: 4 });
    expect(btf.place('qstr_like', 'name')).toEqual({ offset: 8, size: 8 });
    expect(btf.place('holder', 'q.len')).toEqual({ offset: 12, size: 4 });
    expect(btf.place('holder', 'q')).toEqual({ offset: 8, size: 16 });
  });

  it('says plainly what it cannot find or read', () => {
    const btf = new KernelBtf(SYNTHETIC);
    expect(() => btf.place('other', 'x')).toThrow('the kernel\'s BTF has no struct other');
    expect(() => btf.place('qstr_like', 'nope')).toThrow('struct qstr_like has no member nope');
    expect(() => btf.place('holder', 'flags')).toThrow('flags is a bit field');
    expect(() => new KernelBtf(Buffer.from('not btf at all, not at all'))).toThrow('bad magic');
    expect(() => new KernelBtf(SYNTHETIC.subarray(0, 40))).toThrow('past the end');
    // Two structs of one name: which layout the kernel's code means is not knowable from the name.
    const twice = buildBtf([
      { name: 'unsigned int', kind: 1, sizeOrType: 4, extra: [32] },
      { name: 'dup', kind: 4, vlen: 1, sizeOrType: 4, extra: [0, 1, 0], memberNames: ['a'] },
      { name: 'dup', kind: 4, vlen: 1, sizeOrType: 8, extra: [0, 1, 32], memberNames: ['a'] },
    ]);
    expect(() => new KernelBtf(twice).place('dup', 'a')).toThrow('2 structs named dup');
  });

  it.runIf(kernelBtf)('reads the running kernel\'s BTF: the members the script reads, at plausible offsets', () => {
    const btf = KernelBtf.fromFile();
    // Fixed by the kernel's own layout rules since long before 5.x (the script's old hard-coded 32).
    expect(btf.place('mount', 'mnt').offset).toBe(32);
    expect(btf.place('vfsmount', 'mnt_root')).toEqual({ offset: 0, size: 8 });
    expect(btf.place('fs_struct', 'pwd.dentry').offset).toBe(btf.place('fs_struct', 'pwd').offset + btf.place('path', 'dentry').offset);
    expect(btf.place('dentry', 'd_name.len').size).toBe(4);
    expect(btf.place('task_struct', 'mm').offset).toBeGreaterThan(0);
  });
});

describe('inlineStructOffsets', () => {
  const shipped = readFileSync(defaultScriptPath(), 'utf8');

  it.runIf(kernelBtf)('leaves no struct access in any version\'s script, and only args-> behind', () => {
    const btf = KernelBtf.fromFile();
    for (const version of ['0.17.0', '0.20.2', '0.23.2']) {
      for (const standby of [undefined, { comm: 'iot-0123456789', idleSeconds: 60 }]) {
        const out = inlineStructOffsets(adaptScript(shipped, { version, hasSubmitTracepoint: true, standby }), btf);
        const code = out.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
        expect(code).not.toMatch(/curtask->|\(struct /);
        expect(code).toContain(`kptr((uint64)curtask + ${btf.place('task_struct', 'fs').offset})`);
        expect(code).toContain(`$mnt = $w.1 - ${btf.place('mount', 'mnt').offset};`);
      }
    }
  });

  it('fails as a whole, with the reason, when a member is missing or the script changed', () => {
    const btf = new KernelBtf(SYNTHETIC);
    expect(() => inlineStructOffsets(shipped, btf)).toThrow('has no struct task_struct');
    expect(() => inlineStructOffsets(shipped.replace('curtask->mm->env_end', 'curtask->mm->arg_end'), btf)).toThrow('no longer reads curtask->mm->env_end');
  });

  it('scriptToRun inlines for bpftrace before 0.25 only, and keeps the written script when it cannot', () => {
    const debug: string[] = [];
    const log = { debug: (m: string) => debug.push(m), info: () => {}, warn: () => {}, error: () => {} } as unknown as Logger;
    const dir = mkdtempSync(join(tmpdir(), 'io-trace-btf-'));
    try {
      const good = join(dir, 'good');
      writeFileSync(good, existsSync(KERNEL_BTF) ? readFileSync(KERNEL_BTF) : SYNTHETIC);
      const options = { hasSubmitTracepoint: true };
      expect(scriptToRun(shipped, { ...options, version: '0.25.0' }, log, good)).toBe(adaptScript(shipped, { ...options, version: '0.25.0' }));
      expect(scriptToRun(shipped, options, log, good)).toBe(adaptScript(shipped, options));
      expect(debug).toEqual([]);
      const written = adaptScript(shipped, { ...options, version: '0.20.2' });
      expect(scriptToRun(shipped, { ...options, version: '0.20.2' }, log, join(dir, 'missing'))).toBe(written);
      expect(debug).toEqual([expect.stringMatching(/^kernel struct offsets not inlined.*ENOENT/)]);
      if (existsSync(KERNEL_BTF)) expect(scriptToRun(shipped, { ...options, version: '0.20.2' }, log, good)).not.toBe(written);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
