/**
 * The kernel's own description of its types (BTF, /sys/kernel/btf/vmlinux), read just far enough to
 * answer "where is member X of struct Y, and how big is it". bpftrace before 0.25 answers that for
 * `curtask->fs->pwd.dentry` by having clang parse C definitions of every struct the script names and
 * everything they point to (task_struct pulls in hundreds): 0.4-0.55 s of each start. io-trace asks
 * here instead and gives bpftrace plain offsets (struct-offsets.ts).
 *
 * Format (include/uapi/linux/btf.h): a header, then the type section (type ids from 1, each a 12-byte
 * record of name offset, info (vlen, kind, kind_flag) and size-or-type, followed by kind-specific
 * data), then the string section.
 */
import { readFileSync } from 'node:fs';

export const KERNEL_BTF = '/sys/kernel/btf/vmlinux';

const BTF_MAGIC = 0xeb9f;
const KIND = { int: 1, ptr: 2, array: 3, struct: 4, union: 5, enum: 6, fwd: 7, typedef: 8, volatile: 9, const: 10, restrict: 11, func: 12, funcProto: 13, variable: 14, datasec: 15, float: 16, declTag: 17, typeTag: 18, enum64: 19 } as const;

/** A type record's kind, from its info word. */
const kindOf = (info: number): number => (info >>> 24) & 0x1f;

/** Bytes of kind-specific data after a type's 12-byte record. */
function extraBytes(kind: number, vlen: number): number {
  switch (kind) {
    case KIND.int:
    case KIND.variable:
    case KIND.declTag:
      return 4;
    case KIND.array:
      return 12;
    case KIND.struct:
    case KIND.union:
    case KIND.datasec:
    case KIND.enum64:
      return 12 * vlen;
    case KIND.enum:
    case KIND.funcProto:
      return 8 * vlen;
    case KIND.ptr:
    case KIND.fwd:
    case KIND.typedef:
    case KIND.volatile:
    case KIND.const:
    case KIND.restrict:
    case KIND.func:
    case KIND.float:
    case KIND.typeTag:
      return 0;
    default:
      throw new Error(`unknown BTF kind ${kind}`);
  }
}

/** A member found: its byte offset from the start of the outermost struct, and its size in bytes. */
export interface MemberPlace {
  offset: number;
  size: number;
}

export class KernelBtf {
  private readonly data: Buffer;
  private readonly typesAt: number;
  private readonly stringsAt: number;
  private readonly stringsEnd: number;
  /** Byte position of each type's record, by type id (index 0 unused: id 0 is void). */
  private readonly positions: number[] = [0];
  /** Ids of the complete structs and unions (a forward declaration is another kind), by their name's first two bytes. */
  private readonly recordIds = new Map<number, number[]>();
  private readonly records = new Map<string, number | undefined>();

  constructor(data: Buffer) {
    if (data.length < 24 || data.readUInt16LE(0) !== BTF_MAGIC) throw new Error('not little-endian BTF (bad magic)');
    const hdrLen = data.readUInt32LE(4);
    this.typesAt = hdrLen + data.readUInt32LE(8);
    const typesEnd = this.typesAt + data.readUInt32LE(12);
    this.stringsAt = hdrLen + data.readUInt32LE(16);
    this.stringsEnd = this.stringsAt + data.readUInt32LE(20);
    if (typesEnd > data.length || this.stringsEnd > data.length) throw new Error('BTF sections run past the end of the file');
    this.data = data;
    for (let at = this.typesAt; at < typesEnd; ) {
      this.positions.push(at);
      const info = data.readUInt32LE(at + 4);
      const kind = kindOf(info);
      if (kind === KIND.struct || kind === KIND.union) {
        const key = this.prefix(this.stringsAt + data.readUInt32LE(at));
        const ids = this.recordIds.get(key);
        if (ids) ids.push(this.positions.length - 1);
        else this.recordIds.set(key, [this.positions.length - 1]);
      }
      at += 12 + extraBytes(kind, info & 0xffff);
    }
  }

  private prefix(at: number): number {
    return at + 1 < this.stringsEnd ? this.data.readUInt16LE(at) : 0;
  }

  /**
   * Whether the string at `at` is `wanted` (its bytes and the NUL after them). Compared as bytes:
   * decoding every name was most of a lookup's time.
   */
  private named(at: number, wanted: Buffer): boolean {
    return this.data.compare(wanted, 0, wanted.length, at, Math.min(at + wanted.length, this.stringsEnd)) === 0;
  }

  static fromFile(file = KERNEL_BTF): KernelBtf {
    return new KernelBtf(readFileSync(file));
  }

  /** The type behind typedefs and qualifiers. */
  private resolve(id: number): number {
    for (let hops = 0; hops < 64; hops++) {
      const at = this.positions[id];
      if (at === undefined || id === 0) return id;
      const kind = kindOf(this.data.readUInt32LE(at + 4));
      if (kind !== KIND.typedef && kind !== KIND.volatile && kind !== KIND.const && kind !== KIND.restrict && kind !== KIND.typeTag) return id;
      id = this.data.readUInt32LE(at + 8);
    }
    throw new Error('BTF typedef chain too long');
  }

  private size(id: number): number {
    id = this.resolve(id);
    const at = this.positions[id];
    if (at === undefined || id === 0) throw new Error(`BTF type ${id} has no size`);
    const kind = kindOf(this.data.readUInt32LE(at + 4));
    if (kind === KIND.ptr) return 8;
    if (kind === KIND.array) return this.size(this.data.readUInt32LE(at + 12)) * this.data.readUInt32LE(at + 20);
    return this.data.readUInt32LE(at + 8);
  }

  /**
   * Find `name` among the members of record type `id`, looking into anonymous structs and unions
   * (mm_struct keeps start_stack in one, qstr its len): the member's offset in that record and type.
   */
  private member(id: number, name: string, wanted = Buffer.from(name + '\0', 'latin1')): { offset: number; type: number } | undefined {
    const at = this.positions[this.resolve(id)];
    if (at === undefined) return undefined;
    const info = this.data.readUInt32LE(at + 4);
    const kind = kindOf(info);
    if (kind !== KIND.struct && kind !== KIND.union) return undefined;
    const bitfields = info >>> 31 === 1;
    for (let i = 0; i < (info & 0xffff); i++) {
      const m = at + 12 + 12 * i;
      const type = this.data.readUInt32LE(m + 4);
      const raw = this.data.readUInt32LE(m + 8);
      const bits = bitfields ? raw & 0xffffff : raw;
      const nameAt = this.stringsAt + this.data.readUInt32LE(m);
      if (nameAt >= this.stringsEnd) throw new Error('BTF member name out of range');
      if (this.named(nameAt, wanted)) {
        if (bits % 8 !== 0 || (bitfields && raw >>> 24 !== 0)) throw new Error(`${name} is a bit field`);
        return { offset: bits / 8, type };
      }
      if (this.data[nameAt] === 0) {
        const inner = this.member(type, name, wanted);
        if (inner) return { offset: bits / 8 + inner.offset, type: inner.type };
      }
    }
    return undefined;
  }

  /**
   * The struct or union named `name`. Two of one name (BTF keeps both when their layouts differ) would leave the offset in doubt: refused.
   */
  private record(name: string): number | undefined {
    if (!this.records.has(name)) {
      const wanted = Buffer.from(name + '\0', 'latin1');
      const found: number[] = [];
      for (const id of this.recordIds.get(wanted.readUInt16LE(0)) ?? []) {
        if (this.named(this.stringsAt + this.data.readUInt32LE(this.positions[id]!), wanted)) found.push(id);
      }
      if (found.length > 1) throw new Error(`the kernel's BTF has ${found.length} structs named ${name}`);
      this.records.set(name, found[0]);
    }
    return this.records.get(name);
  }

  /** Where `path` (members joined by '.', through embedded structs) lies in struct or union `record`. */
  place(record: string, path: string): MemberPlace {
    let id = this.record(record);
    if (id === undefined) throw new Error(`the kernel's BTF has no struct ${record}`);
    let offset = 0;
    for (const name of path.split('.')) {
      const found = this.member(id, name);
      if (!found) throw new Error(`struct ${record} has no member ${path}`);
      offset += found.offset;
      id = found.type;
    }
    return { offset, size: this.size(id) };
  }
}
