/**
 * The script's reads of kernel structs (`curtask->fs->pwd.dentry`, the dentry walk...) rewritten as
 * loads at fixed offsets read from the kernel's BTF (btf.ts), for bpftrace before 0.25.
 *
 * Why: bpftrace 0.17-0.23 resolves a struct member by having libclang parse C definitions generated
 * from BTF for every struct the script names and, level by level, the structs those point to
 * (task_struct alone drags in hundreds), about fifteen parses. Measured on this script (time until
 * its probes are attached, 3 runs each, two sessions): 0.17 1.74 -> 1.27-1.32 s, 0.20.2 1.73 -> 1.17-1.18 s, 0.23.2 1.47 ->
 * 0.94 s. On 0.25 and 0.27 the rewrite gains nothing (0.71 and 0.86 s either way), so they get the
 * script as written, which stays the readable reference.
 *
 * Each rewrite below is the exact text of the script and its replacement, `{struct.member:size}`
 * standing for the member's offset (checked to be `size` bytes wide). If the script changes so that
 * one no longer matches, or a kernel lacks a member, the rewrite fails as a whole and the caller
 * keeps the script as written: only slower.
 */
import type { KernelBtf } from './btf.js';

/** A kernel address: loads go through kptr() as the script's user-memory loads go through uptr(). */
const load = (width: string, address: string): string => `*(${width} *)kptr(${address})`;
const task = (member: string): string => load('uint64', `(uint64)curtask + {task_struct.${member}:8}`);
const fdtable = load('uint64', `${task('files')} + {files_struct.fdt:8}`);
/** The struct file pointer in slot `fd` of the process's fd table. */
const fdSlot = (fd: string): string => load('uint64', `${load('uint64', `${fdtable} + {fdtable.fd:8}`)} + 8 * (uint64)${fd}`);

const REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['curtask->signal->live.counter', load('int32', `${task('signal')} + {signal_struct.live.counter:4}`)],
  ['curtask->mm->env_end', load('uint64', `${task('mm')} + {mm_struct.env_end:8}`)],
  ['curtask->mm->start_stack', load('uint64', `${task('mm')} + {mm_struct.start_stack:8}`)],
  ['curtask->fs->pwd.dentry', load('uint64', `${task('fs')} + {fs_struct.pwd.dentry:8}`)],
  ['curtask->fs->pwd.mnt', load('uint64', `${task('fs')} + {fs_struct.pwd.mnt:8}`)],
  ['curtask->fs->root.dentry', load('uint64', `${task('fs')} + {fs_struct.root.dentry:8}`)],
  ['curtask->fs->root.mnt', load('uint64', `${task('fs')} + {fs_struct.root.mnt:8}`)],
  ['curtask->files->fdt->max_fds', load('uint32', `${fdtable} + {fdtable.max_fds:4}`)],
  ['*(curtask->files->fdt->fd + $d)', fdSlot('$d')],
  ['*(curtask->files->fdt->fd + $d2)', fdSlot('$d2')],
  ['((struct file *)$fp)->f_path.dentry', load('uint64', '$fp + {file.f_path.dentry:8}')],
  ['((struct file *)$fp)->f_path.mnt', load('uint64', '$fp + {file.f_path.mnt:8}')],
  ['((struct dentry *)$dn)->d_inode->i_ino', load('uint64', `${load('uint64', '$dn + {dentry.d_inode:8}')} + {inode.i_ino:8}`)],
  // The directory walk: $de a dentry, $m a vfsmount, $mnt the struct mount around it, all uint64.
  ['$de = (struct dentry *)$w.0;', '$de = $w.0;'],
  ['$m = (struct vfsmount *)$w.1;', '$m = $w.1;'],
  ['$mnt = (struct mount *)($w.1 - 32);', '$mnt = $w.1 - {mount.mnt};'],
  ['$m = (struct vfsmount *)((uint64)$mnt + 32);', '$m = $mnt + {mount.mnt};'],
  ['$m->mnt_root', `(${load('uint64', '$m + {vfsmount.mnt_root:8}')})`],
  ['$mnt->mnt_parent', `(${load('uint64', '$mnt + {mount.mnt_parent:8}')})`],
  ['$mnt->mnt_mountpoint', `(${load('uint64', '$mnt + {mount.mnt_mountpoint:8}')})`],
  ['$de->d_parent', `(${load('uint64', '$de + {dentry.d_parent:8}')})`],
  ['$de->d_name.name', `(${load('uint64', '$de + {dentry.d_name.name:8}')})`],
  ['$de->d_name.len', `(${load('uint32', '$de + {dentry.d_name.len:4}')})`],
];

/**
 * The script with every kernel struct read at a fixed offset. Throws (with the reason) when a rewrite
 * finds nothing to replace, the kernel lacks a member or has it at another width, or a struct access
 * is left over.
 */
export function inlineStructOffsets(script: string, btf: KernelBtf): string {
  const gone = REWRITES.find(([from]) => !script.includes(from));
  if (gone) throw new Error(`the script no longer reads ${gone[0]}`);
  let out = script;
  // One BTF lookup per placeholder: task_struct.files and the like stand in several rewrites.
  const offsets = new Map<string, string>();
  for (const [from, to] of REWRITES) {
    const filled = to.replace(/\{(\w+)\.([\w.]+?)(?::(\d+))?\}/g, (placeholder, record: string, path: string, size?: string) => {
      let offset = offsets.get(placeholder);
      if (offset === undefined) {
        const place = btf.place(record, path);
        if (size !== undefined && place.size !== Number(size)) throw new Error(`${record}.${path} is ${place.size} bytes, not ${size}`);
        offset = String(place.offset);
        offsets.set(placeholder, offset);
      }
      return offset;
    });
    out = out.split(from).join(filled);
  }
  const code = out.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const left = /(?<!\bargs)->|\(struct \w+/.exec(code);
  if (left) throw new Error(`a struct access has no rewrite: ...${code.slice(Math.max(0, left.index - 40), left.index + 20)}...`);
  return out;
}
