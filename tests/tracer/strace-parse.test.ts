import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/core/events.js';
import { classifyOpenFlags } from '../../src/core/open-flags.js';
import {
  StraceParser,
  decodeHex,
  parseArgv,
  parseCall,
  parseOpenFlags,
  splitArgs,
} from '../../src/tracer/strace-parse.js';

/**
 * Captured on the dev VM (Debian 12, strace 6.1) with the tracer's own arguments
 * (`strace -f -ttt -y -xx -s 131072 -e trace=... -e signal=all -o FILE -p PID`) around
 * `/usr/bin/python3 -I fx.py` in /tmp/exp/fx, which opens a dirfd on sub/ and creates rel.txt through
 * it, writes and truncates in.txt, truncate()s and renames trunc.txt, probes a missing name, creates
 * "new\nline\t::warning::ü", mkdir/rmdir/chdir/fchdir, symlink/link/unlink, runs a thread, sets up
 * io_uring, kills a /bin/sleep child and runs `sh -c "cat in.txt missing.txt"`. Library loading lines
 * in between were left out.
 */
const CAPTURE = String.raw`436   1795241019.591038 --- stopped by SIGSTOP ---
436   1795241019.602663 --- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=435, si_uid=0} ---
436   1795241019.602733 execve("\x2f\x75\x73\x72\x2f\x62\x69\x6e\x2f\x70\x79\x74\x68\x6f\x6e\x33", ["\x2f\x75\x73\x72\x2f\x62\x69\x6e\x2f\x70\x79\x74\x68\x6f\x6e\x33", "\x2d\x49", "\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2e\x70\x79"], 0x55ab8721bb48 /* 39 vars */) = 0
436   1795241019.607142 access("\x2f\x65\x74\x63\x2f\x6c\x64\x2e\x73\x6f\x2e\x70\x72\x65\x6c\x6f\x61\x64", R_OK) = -1 ENOENT (No such file or directory)
436   1795241019.696570 openat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x73\x75\x62", O_RDONLY|O_CLOEXEC|O_DIRECTORY) = 3<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x73\x75\x62>
436   1795241019.696775 openat(3<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x73\x75\x62>, "\x72\x65\x6c\x2e\x74\x78\x74", O_WRONLY|O_CREAT|O_CLOEXEC, 0644) = 4<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x73\x75\x62\x2f\x72\x65\x6c\x2e\x74\x78\x74>
436   1795241019.697254 newfstatat(3<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x73\x75\x62>, "\x72\x65\x6c\x2e\x74\x78\x74", {st_mode=S_IFREG|0644, st_size=0, ...}, 0) = 0
436   1795241019.697445 openat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x69\x6e\x2e\x74\x78\x74", O_WRONLY|O_CLOEXEC) = 4<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x69\x6e\x2e\x74\x78\x74>
436   1795241019.697769 openat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x69\x6e\x2e\x74\x78\x74", O_RDWR|O_TRUNC|O_CLOEXEC) = 4<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x69\x6e\x2e\x74\x78\x74>
436   1795241019.698139 truncate("\x74\x72\x75\x6e\x63\x2e\x74\x78\x74", 0) = 0
436   1795241019.698331 access("\x6e\x6f\x74\x68\x65\x72\x65", F_OK) = -1 ENOENT (No such file or directory)
436   1795241019.698515 openat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x73\x75\x62", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 4<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x73\x75\x62>
436   1795241019.698725 newfstatat(4<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x73\x75\x62>, "", {st_mode=S_IFDIR|0755, st_size=4096, ...}, AT_EMPTY_PATH) = 0
436   1795241019.698931 getdents64(4<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x73\x75\x62>, 0x35aeea60 /* 3 entries */, 32768) = 80
436   1795241019.699134 getdents64(4<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x73\x75\x62>, 0x35aeea60 /* 0 entries */, 32768) = 0
436   1795241019.699476 openat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x6e\x65\x77\x0a\x6c\x69\x6e\x65\x09\x3a\x3a\x77\x61\x72\x6e\x69\x6e\x67\x3a\x3a\xc3\xbc", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 4<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x6e\x65\x77\x0a\x6c\x69\x6e\x65\x09\x3a\x3a\x77\x61\x72\x6e\x69\x6e\x67\x3a\x3a\xc3\xbc>
436   1795241019.699761 newfstatat(4<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x6e\x65\x77\x0a\x6c\x69\x6e\x65\x09\x3a\x3a\x77\x61\x72\x6e\x69\x6e\x67\x3a\x3a\xc3\xbc>, "", {st_mode=S_IFREG|0644, st_size=0, ...}, AT_EMPTY_PATH) = 0
436   1795241019.700539 mkdir("\x64", 0777) = 0
436   1795241019.700815 rmdir("\x64")   = 0
436   1795241019.701089 mkdir("\x64\x32", 0777) = 0
436   1795241019.701364 rename("\x74\x72\x75\x6e\x63\x2e\x74\x78\x74", "\x6d\x6f\x76\x65\x64\x2e\x74\x78\x74") = 0
436   1795241019.701527 symlink("\x69\x6e\x2e\x74\x78\x74", "\x73\x6c") = 0
436   1795241019.701752 link("\x69\x6e\x2e\x74\x78\x74", "\x68\x6c") = 0
436   1795241019.701914 unlink("\x68\x6c") = 0
436   1795241019.702048 rename("\x6d\x6f\x76\x65\x64\x2e\x74\x78\x74", "\x73\x75\x62\x2f\x6d\x6f\x76\x65\x64\x2e\x74\x78\x74") = 0
436   1795241019.702193 chdir("\x73\x75\x62") = 0
436   1795241019.702317 mkdir("\x69\x6e\x6e\x65\x72", 0777) = 0
436   1795241019.702568 fchdir(3<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x73\x75\x62>) = 0
436   1795241019.702708 chdir("\x2e\x2e") = 0
436   1795241019.702831 unlink("\x73\x6c") = 0
436   1795241019.703698 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7fe513357990, parent_tid=0x7fe513357990, exit_signal=0, stack=0x7fe512b57000, stack_size=0x7fff80, tls=0x7fe5133576c0} => {parent_tid=[446]}, 88) = 446
446   1795241019.705200 newfstatat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x2f\x65\x74\x63\x2f\x68\x6f\x73\x74\x6e\x61\x6d\x65", {st_mode=S_IFREG|0755, st_size=3, ...}, 0) = 0
436   1795241019.705957 io_uring_setup(4, {flags=0, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=4, cq_entries=8, features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP|IORING_FEAT_SUBMIT_STABLE|IORING_FEAT_RW_CUR_POS|IORING_FEAT_CUR_PERSONALITY|IORING_FEAT_FAST_POLL|IORING_FEAT_POLL_32BITS|IORING_FEAT_SQPOLL_NONFIXED|IORING_FEAT_EXT_ARG|IORING_FEAT_NATIVE_WORKERS|IORING_FEAT_RSRC_TAGS|IORING_FEAT_CQE_SKIP|IORING_FEAT_LINKED_FILE|0x3e000, sq_off={head=0, tail=4, ring_mask=16, ring_entries=24, flags=36, dropped=32, array=192}, cq_off={head=8, tail=12, ring_mask=20, ring_entries=28, overflow=44, cqes=64, flags=40}}) = 4<\x61\x6e\x6f\x6e\x5f\x69\x6e\x6f\x64\x65\x3a\x5b\x69\x6f\x5f\x75\x72\x69\x6e\x67\x5d>
446   1795241019.706266 +++ exited with 0 +++
436   1795241019.706583 vfork( <unfinished ...>
447   1795241019.713146 execve("\x2f\x62\x69\x6e\x2f\x73\x6c\x65\x65\x70", ["\x2f\x62\x69\x6e\x2f\x73\x6c\x65\x65\x70", "\x33\x30"], 0x7ffd4be78f88 /* 39 vars */ <unfinished ...>
436   1795241019.713497 <... vfork resumed>) = 447
447   1795241019.713559 <... execve resumed>) = 0
447   1795241019.714869 +++ killed by SIGKILL +++
436   1795241019.715523 clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7fe513498000, stack_size=0x9000}, 88 <unfinished ...>
448   1795241019.727070 execve("\x2f\x62\x69\x6e\x2f\x73\x68", ["\x73\x68", "\x2d\x63", "\x63\x61\x74\x20\x69\x6e\x2e\x74\x78\x74\x20\x6d\x69\x73\x73\x69\x6e\x67\x2e\x74\x78\x74"], 0x7ffd4be78f88 /* 39 vars */ <unfinished ...>
436   1795241019.727376 <... clone3 resumed>) = 448
448   1795241019.727423 <... execve resumed>) = 0
448   1795241019.732047 newfstatat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78", {st_mode=S_IFDIR|0755, st_size=4096, ...}, 0) = 0
448   1795241019.732212 newfstatat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x2e", {st_mode=S_IFDIR|0755, st_size=4096, ...}, 0) = 0
448   1795241019.733742 newfstatat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x2f\x75\x73\x72\x2f\x6c\x6f\x63\x61\x6c\x2f\x73\x62\x69\x6e\x2f\x63\x61\x74", 0x7fff57368150, 0) = -1 ENOENT (No such file or directory)
448   1795241019.733897 newfstatat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x2f\x75\x73\x72\x2f\x6c\x6f\x63\x61\x6c\x2f\x62\x69\x6e\x2f\x63\x61\x74", 0x7fff57368150, 0) = -1 ENOENT (No such file or directory)
448   1795241019.734044 newfstatat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x2f\x75\x73\x72\x2f\x73\x62\x69\x6e\x2f\x63\x61\x74", 0x7fff57368150, 0) = -1 ENOENT (No such file or directory)
448   1795241019.734201 newfstatat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x2f\x75\x73\x72\x2f\x62\x69\x6e\x2f\x63\x61\x74", {st_mode=S_IFREG|0755, st_size=44016, ...}, 0) = 0
448   1795241019.734452 vfork( <unfinished ...>
449   1795241019.734726 execve("\x2f\x75\x73\x72\x2f\x62\x69\x6e\x2f\x63\x61\x74", ["\x63\x61\x74", "\x69\x6e\x2e\x74\x78\x74", "\x6d\x69\x73\x73\x69\x6e\x67\x2e\x74\x78\x74"], 0x557d6927fbc8 /* 39 vars */ <unfinished ...>
448   1795241019.734875 <... vfork resumed>) = 449
449   1795241019.734966 <... execve resumed>) = 0
449   1795241019.739138 newfstatat(3<\x2f\x65\x74\x63\x2f\x6c\x6f\x63\x61\x6c\x65\x2e\x61\x6c\x69\x61\x73>, "", {st_mode=S_IFREG|0644, st_size=2996, ...}, AT_EMPTY_PATH) = 0
449   1795241019.747905 newfstatat(1<\x2f\x74\x6d\x70\x2f\x62\x61\x73\x68\x5f\x6a\x6f\x62\x73\x2e\x30\x2f\x33\x64\x35\x31\x37\x37\x62\x30\x66\x39\x63\x64\x2f\x73\x74\x64\x6f\x75\x74>, "", {st_mode=S_IFREG|0644, st_size=312, ...}, AT_EMPTY_PATH) = 0
449   1795241019.748062 openat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x69\x6e\x2e\x74\x78\x74", O_RDONLY) = 3<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x69\x6e\x2e\x74\x78\x74>
449   1795241019.748210 newfstatat(3<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78\x2f\x69\x6e\x2e\x74\x78\x74>, "", {st_mode=S_IFREG|0644, st_size=0, ...}, AT_EMPTY_PATH) = 0
449   1795241019.748960 openat(AT_FDCWD<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x66\x78>, "\x6d\x69\x73\x73\x69\x6e\x67\x2e\x74\x78\x74", O_RDONLY) = -1 ENOENT (No such file or directory)
449   1795241019.750383 +++ exited with 1 +++
448   1795241019.750967 +++ exited with 1 +++
436   1795241019.757204 +++ exited with 0 +++`;

function parseAll(text: string, rootPid = 436, rootCwd = '/tmp/exp/fx'): TraceEvent[] {
  const p = new StraceParser({ rootPid, rootCwd });
  const events = [...p.pushChunk(`${text}\n`), ...p.end()];
  expect(p.stats.unparsed, p.unparsedSamples.join('\n')).toBe(0);
  return events;
}

const W = '/tmp/exp/fx';
const acc = (pid: number, op: string, path: string, errno = 0) => ({ type: 'access', pid, op, path, errno });

describe('StraceParser on a captured trace', () => {
  const events = parseAll(CAPTURE);
  const strip = events.map((e) => {
    const { ts, ...rest } = e;
    expect(typeof ts).toBe('number');
    return rest;
  });

  it('produces exactly the expected events, in order', () => {
    expect(strip).toEqual([
      { type: 'exec', pid: 436, path: '/usr/bin/python3', argv: ['/usr/bin/python3', '-I', '/tmp/exp/fx.py'], cwd: W },
      acc(436, 'exec', '/usr/bin/python3'),
      acc(436, 'stat', '/etc/ld.so.preload', 2),
      acc(436, 'readdir', `${W}/sub`),
      acc(436, 'create', `${W}/sub/rel.txt`), // relative to the dirfd
      acc(436, 'stat', `${W}/sub/rel.txt`),
      acc(436, 'write', `${W}/in.txt`),
      acc(436, 'truncate', `${W}/in.txt`),
      acc(436, 'truncate', `${W}/trunc.txt`), // truncate(2), relative to the cwd
      acc(436, 'stat', `${W}/nothere`, 2),
      // second open of sub/ (listdir): a repeat of the readdir above, dropped; its getdents too
      acc(436, 'create', `${W}/new\nline\t::warning::ü`),
      acc(436, 'mkdir', `${W}/d`),
      acc(436, 'rmdir', `${W}/d`),
      acc(436, 'mkdir', `${W}/d2`),
      acc(436, 'rename_from', `${W}/trunc.txt`),
      acc(436, 'rename_to', `${W}/moved.txt`),
      acc(436, 'link', `${W}/sl`),
      acc(436, 'link', `${W}/hl`),
      acc(436, 'unlink', `${W}/hl`),
      acc(436, 'rename_from', `${W}/moved.txt`),
      acc(436, 'rename_to', `${W}/sub/moved.txt`),
      acc(436, 'mkdir', `${W}/sub/inner`), // after chdir("sub")
      acc(436, 'unlink', `${W}/sl`), // after fchdir(sub) and chdir("..")
      acc(436, 'stat', '/etc/hostname'), // from thread 446: reported as its process
      {
        type: 'notice',
        kind: 'io_uring',
        pid: 436,
        message: 'process 436 set up io_uring (fd 4): its file I/O through the ring is invisible to syscall tracing',
      },
      { type: 'fork', pid: 436, child: 447 }, // vfork: the child's lines came before vfork returned
      { type: 'exec', pid: 447, path: '/bin/sleep', argv: ['/bin/sleep', '30'], cwd: W },
      acc(447, 'exec', '/bin/sleep'),
      { type: 'exit', pid: 447 }, // killed by SIGKILL
      { type: 'fork', pid: 436, child: 448 }, // clone3 without CLONE_THREAD
      { type: 'exec', pid: 448, path: '/bin/sh', argv: ['sh', '-c', 'cat in.txt missing.txt'], cwd: W },
      acc(448, 'exec', '/bin/sh'),
      acc(448, 'stat', W),
      acc(448, 'stat', `${W}/.`),
      acc(448, 'stat', '/usr/local/sbin/cat', 2),
      acc(448, 'stat', '/usr/local/bin/cat', 2),
      acc(448, 'stat', '/usr/sbin/cat', 2),
      acc(448, 'stat', '/usr/bin/cat'),
      { type: 'fork', pid: 448, child: 449 },
      { type: 'exec', pid: 449, path: '/usr/bin/cat', argv: ['cat', 'in.txt', 'missing.txt'], cwd: W },
      acc(449, 'exec', '/usr/bin/cat'),
      // newfstatat(fd, "", AT_EMPTY_PATH) is an fstat: no path of its own, no event
      acc(449, 'read', `${W}/in.txt`),
      acc(449, 'read', `${W}/missing.txt`, 2),
      { type: 'exit', pid: 449 },
      { type: 'exit', pid: 448 },
      { type: 'exit', pid: 436 },
    ]);
  });

  it('keeps epoch-millisecond timestamps to the microsecond', () => {
    expect(events[0]).toMatchObject({ type: 'exec', ts: 1795241019602.733 });
    expect(events.at(-1)!.ts).toBe(1795241019757.204);
  });

  it('gives the same events however the output is split into chunks', () => {
    for (const size of [1, 7, 64, 1000]) {
      const p = new StraceParser({ rootPid: 436, rootCwd: W });
      const out: TraceEvent[] = [];
      const text = `${CAPTURE}\n`;
      for (let i = 0; i < text.length; i += size) out.push(...p.pushChunk(text.slice(i, i + size)));
      out.push(...p.end());
      expect(out).toEqual(events);
    }
  });

  it('reports every access when de-duplication is off', () => {
    const p = new StraceParser({ rootPid: 436, rootCwd: W, dedupe: false });
    const all = [...p.pushChunk(`${CAPTURE}\n`), ...p.end()];
    expect(all.filter((e) => e.type === 'access' && e.op === 'readdir' && e.path === `${W}/sub`)).toHaveLength(4);
    expect(all.length).toBe(events.length + 3);
  });
});

describe('StraceParser edge cases (lines shaped like the capture)', () => {
  it('waits for the clone return when two clones are in flight, then emits fork before the child', () => {
    // Two processes both cloning: the first child line cannot be attributed until a return names it.
    const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
    const out: TraceEvent[] = [];
    const feed = (l: string) => out.push(...p.pushLine(l));
    feed(String.raw`10    1795241019.700000 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f0c1a1b6a10) = 11`);
    feed(String.raw`10    1795241019.700100 vfork( <unfinished ...>`);
    feed(String.raw`11    1795241019.700200 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD <unfinished ...>`);
    feed(String.raw`12    1795241019.700300 openat(AT_FDCWD<\x2f\x77>, "\x61", O_RDONLY) = 3<\x2f\x77\x2f\x61>`);
    expect(out.map((e) => e.type)).toEqual(['fork']); // 10 -> 11 only; 12 is waiting
    feed(String.raw`11    1795241019.700400 <... clone resumed>, child_tidptr=0x7f0c1a1b6a10) = 12`);
    feed(String.raw`12    1795241019.700500 +++ exited with 0 +++`);
    feed(String.raw`10    1795241019.700600 <... vfork resumed>) = 13`);
    out.push(...p.end());
    expect(out.map(({ ts, ...e }) => e)).toEqual([
      { type: 'fork', pid: 10, child: 11 },
      { type: 'fork', pid: 11, child: 12 },
      acc(12, 'read', '/w/a'),
      { type: 'exit', pid: 12 },
      { type: 'fork', pid: 10, child: 13 },
    ]);
  });

  it('gives a child the cwd its parent had, and tracks it apart afterwards', () => {
    const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
    const out = [
      String.raw`10    1795241019.700000 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f0c1a1b6a10) = 11`,
      String.raw`11    1795241019.700100 chdir("\x73\x75\x62") = 0`,
      String.raw`11    1795241019.700200 mkdir("\x78", 0777) = 0`,
      String.raw`10    1795241019.700300 mkdir("\x78", 0777) = -1 EEXIST (File exists)`,
      String.raw`11    1795241019.700400 chdir("\x2e\x2e\x2f\x2e\x2f\x74") = -1 ENOENT (No such file or directory)`,
      String.raw`11    1795241019.700500 unlink("\x78") = 0`,
    ].flatMap((l) => p.pushLine(l));
    expect(out.filter((e) => e.type === 'access').map((e) => e.type === 'access' && `${e.pid} ${e.op} ${e.path} ${e.errno}`)).toEqual([
      '11 mkdir /w/sub/x 0',
      '10 mkdir /w/x 17',
      '11 unlink /w/sub/x 0',
    ]);
  });

  it('shares the cwd between threads, and resolves against a deleted dirfd', () => {
    const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
    const out = [
      String.raw`10    1795241019.700000 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7fe513357990, parent_tid=0x7fe513357990, exit_signal=0, stack=0x7fe512b57000, stack_size=0x7fff80, tls=0x7fe5133576c0} => {parent_tid=[11]}, 88) = 11`,
      String.raw`11    1795241019.700100 chdir("\x73\x75\x62") = 0`,
      String.raw`10    1795241019.700200 rmdir("\x64\x64") = 0`,
      String.raw`10    1795241019.700300 openat(3<\x2f\x74\x6d\x70\x2f\x65\x78\x70\x2f\x64\x33\x2f\x64\x64>(deleted), "\x78", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)`,
      String.raw`11    1795241019.700400 +++ exited with 0 +++`,
    ].flatMap((l) => p.pushLine(l));
    expect(out.map(({ ts, ...e }) => e)).toEqual([
      acc(10, 'rmdir', '/w/sub/dd'),
      acc(10, 'read', '/tmp/exp/d3/dd/x', 2),
    ]); // no fork for a thread, no exit when a thread ends
  });

  it('follows an execve by a non-leader thread to the leader pid (captured: python os.execv in a thread)', () => {
    const p = new StraceParser({ rootPid: 27804, rootCwd: '/tmp/exp' });
    const out = [...p.pushChunk(`${String.raw`27804 1795242006.767912 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f13dd911990, parent_tid=0x7f13dd911990, exit_signal=0, stack=0x7f13dd111000, stack_size=0x7fff80, tls=0x7f13dd9116c0} => {parent_tid=[27814]}, 88) = 27814
27814 1795242006.768285 execve("\x2f\x62\x69\x6e\x2f\x63\x61\x74", ["\x63\x61\x74", "\x2f\x65\x74\x63\x2f\x68\x6f\x73\x74\x6e\x61\x6d\x65"], 0x7ffc9a6498a8 /* 39 vars */ <pid changed to 27804 ...>
27804 1795242006.768999 +++ superseded by execve in pid 27814 +++
27804 1795242006.769015 <... execve resumed>) = 0
27804 1795242006.772578 +++ exited with 0 +++`}\n`), ...p.end()];
    expect(p.stats.unparsed).toBe(0);
    expect(out.map(({ ts, ...e }) => e)).toEqual([
      { type: 'exec', pid: 27804, path: '/bin/cat', argv: ['cat', '/etc/hostname'], cwd: '/tmp/exp' },
      acc(27804, 'exec', '/bin/cat'),
      { type: 'exit', pid: 27804 },
    ]);
    expect(p.running).toBe(0);
  });

  it('takes the task identity variables from an unabbreviated execve envp, and none from an abbreviated one', () => {
    const hex = (t: string) => [...Buffer.from(t, 'utf8')].map((b) => '\\x' + b.toString(16).padStart(2, '0')).join('');
    const envp = ['PATH=/bin', 'IO_TRACE_TASK=app:build', 'IO_TRACE_TASKS=no', 'TURBO_HASH=0af3', 'NX_TASK_TARGET_PROJECT=ü, "x"'].map((v) => `"${hex(v)}"`);
    const execLine = (env: string) => `10    1795241019.700000 execve("${hex('/bin/cat')}", ["${hex('cat')}"], ${env}) = 0`;
    const envOf = (env: string) => {
      const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
      const ev = p.pushLine(execLine(env)).find((e) => e.type === 'exec');
      expect(p.stats.unparsed).toBe(0);
      return (ev as { env?: unknown }).env;
    };
    expect(envOf(`[${envp.join(', ')}]`)).toEqual({ IO_TRACE_TASK: 'app:build', TURBO_HASH: '0af3', NX_TASK_TARGET_PROJECT: 'ü, "x"' });
    expect(envOf(`["${hex('A=1')}"]`)).toEqual({});
    expect(envOf('0x7ffd4be78f88 /* 39 vars */')).toBeUndefined();
    expect(envOf(`["${hex('A=1')}", ...]`)).toBeUndefined();
  });

  it('takes the cwd from AT_FDCWD<path> (physical) over the tracked one', () => {
    const p = new StraceParser({ rootPid: 10, rootCwd: '/logical' });
    const out = [
      String.raw`10    1795241019.700000 openat(AT_FDCWD<\x2f\x70\x68\x79\x73>, "\x61", O_RDONLY) = 3<\x2f\x70\x68\x79\x73\x2f\x61>`,
      String.raw`10    1795241019.700100 unlink("\x62") = 0`,
    ].flatMap((l) => p.pushLine(l));
    expect(out.map((e) => e.type === 'access' && e.path)).toEqual(['/phys/a', '/phys/b']);
  });

  it('reports failed exec attempts as failed exec accesses, and exec relative to the cwd', () => {
    const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
    const out = [
      String.raw`10    1795240631.051475 execve("\x2f\x72\x6f\x6f\x74\x2f\x2e\x63\x61\x72\x67\x6f\x2f\x62\x69\x6e\x2f\x73\x68", ["\x73\x68"], 0x5625b1aafc88 /* 39 vars */) = -1 ENOENT (No such file or directory)`,
      String.raw`10    1795240631.051500 execve("\x2e\x2f\x62\x75\x69\x6c\x64", ["\x2e\x2f\x62\x75\x69\x6c\x64", "\x61"...], 0x5625b1aafc88 /* 39 vars */) = 0`,
    ].flatMap((l) => p.pushLine(l));
    expect(out.map(({ ts, ...e }) => e)).toEqual([
      acc(10, 'exec', '/root/.cargo/bin/sh', 2),
      { type: 'exec', pid: 10, path: '/w/./build', argv: ['./build', 'a'], argvTruncated: true, cwd: '/w' },
      acc(10, 'exec', '/w/./build'),
    ]);
  });

  it('reports a path strace cut or could not read as truncated_path, never as a shorter path', () => {
    const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
    const out = [
      String.raw`10    1795240631.051475 openat(AT_FDCWD<\x2f\x77>, "\x61\x62"..., O_RDONLY) = 3<\x2f\x77\x2f\x61\x62\x63>`,
      String.raw`10    1795240631.051476 openat(AT_FDCWD<\x2f\x77>, 0x7ffd4be78f88, O_RDONLY) = 3<\x2f\x77\x2f\x61\x62\x63>`,
    ].flatMap((l) => p.pushLine(l));
    expect(out.map((e) => e.type === 'notice' && e.kind)).toEqual(['truncated_path', 'truncated_path']);
  });

  it('keeps a 300-byte path whole', () => {
    const name = `${'L'.repeat(120)}/${'M'.repeat(120)}/${'N'.repeat(56)}.txt`;
    const hex = [...Buffer.from(name)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
    const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
    const out = p.pushLine(`10    1795240631.051475 openat(AT_FDCWD<\\x2f\\x77>, "${hex}", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 3`);
    expect(out).toEqual([{ type: 'access', ts: 1795240631051.475, pid: 10, op: 'create', path: `/w/${name}`, errno: 0 }]);
    expect(`/w/${name}`.length).toBe(305);
  });

  it('reports again after a rename, unlink or link changed what a name means', () => {
    const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
    const open = String.raw`10    1795240631.051475 openat(AT_FDCWD<\x2f\x77>, "\x61", O_RDONLY) = 3<\x2f\x77\x2f\x61>`;
    const out = [open, open, String.raw`10    1795240631.051476 unlink("\x62") = -1 ENOENT (No such file or directory)`, open].flatMap((l) => p.pushLine(l));
    expect(out.map((e) => e.type === 'access' && `${e.op} ${e.path}`)).toEqual(['read /w/a', 'unlink /w/b', 'read /w/a']);
    expect(p.stats.deduped).toBe(1);
  });

  it('counts an unparseable traced-syscall line, and ignores other noise', () => {
    const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
    p.pushLine('10    1795240631.051475 openat(AT_FDCWD<\\x2f\\x77>, "\\x61", O_RDONLY');
    p.pushLine('10    1795240631.051476 [ Process PID=10 runs in 32 bit mode. ]');
    p.pushLine('10    1795240631.051477 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=449, si_uid=0, si_status=1, si_utime=0, si_stime=0} ---');
    expect(p.stats.unparsed).toBe(1);
  });

  it('emits lines of a child whose clone never returned at end(), as its own process', () => {
    const p = new StraceParser({ rootPid: 10, rootCwd: '/w' });
    const out = [
      String.raw`10    1795241019.700000 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f0c1a1b6a10) = 11`,
      String.raw`10    1795241019.700010 vfork( <unfinished ...>`,
      String.raw`11    1795241019.700020 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD <unfinished ...>`,
      // two clones in flight: pid 20 cannot be attributed yet, and strace stops before either returns
      String.raw`20    1795241019.700100 openat(AT_FDCWD<\x2f\x77>, "\x61", O_RDONLY) = 3<\x2f\x77\x2f\x61>`,
    ].flatMap((l) => p.pushLine(l));
    expect(out.map((e) => e.type)).toEqual(['fork']);
    out.push(...p.end());
    expect(out.map(({ ts, ...e }) => e)).toEqual([{ type: 'fork', pid: 10, child: 11 }, acc(20, 'read', '/w/a')]);
  });
});

describe('strace-parse helpers', () => {
  it('decodes -xx strings byte-exact as UTF-8', () => {
    expect(decodeHex(String.raw`\x6e\x65\x77\x0a\x6c\x69\x6e\x65\x09\x3a\x3a\x77\x61\x72\x6e\x69\x6e\x67\x3a\x3a\xc3\xbc`)).toBe('new\nline\t::warning::ü');
    expect(decodeHex('')).toBe('');
  });

  it('splits arguments at top-level commas only', () => {
    expect(splitArgs(String.raw`3<\x2f>, 0x35aeea60 /* 3 entries */, 32768`)).toEqual([String.raw`3<\x2f>`, '0x35aeea60 /* 3 entries */', '32768']);
    expect(splitArgs('{flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD}, 88')).toEqual(['{flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD}', '88']);
    expect(splitArgs(String.raw`"\x2c", ["\x61", "\x62"], 0`)).toEqual([String.raw`"\x2c"`, String.raw`["\x61", "\x62"]`, '0']);
    expect(splitArgs('')).toEqual([]);
  });

  it('classifies open flags', () => {
    expect(classifyOpenFlags(parseOpenFlags('O_RDONLY|O_CLOEXEC'))).toBe('read');
    expect(classifyOpenFlags(parseOpenFlags('O_WRONLY|O_CLOEXEC'))).toBe('write');
    expect(classifyOpenFlags(parseOpenFlags('O_RDWR|O_APPEND'))).toBe('write');
    expect(classifyOpenFlags(parseOpenFlags('O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC'))).toBe('create');
    expect(classifyOpenFlags(parseOpenFlags('O_RDWR|O_TRUNC|O_CLOEXEC'))).toBe('truncate');
    expect(classifyOpenFlags(parseOpenFlags('O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY'))).toBe('readdir');
    expect(classifyOpenFlags(parseOpenFlags('O_RDONLY|O_PATH'))).toBe('stat');
    expect(classifyOpenFlags(parseOpenFlags('O_RDWR|O_TMPFILE'))).toBe('readdir'); // as bpftrace-decode
    expect(classifyOpenFlags(parseOpenFlags('O_RDONLY|0x800000'))).toBe('read');
  });

  it('parses results and errnos', () => {
    expect(parseCall(1, 0, String.raw`access("\x61", F_OK) = -1 ENOENT (No such file or directory)`)).toMatchObject({ name: 'access', errno: 2 });
    expect(parseCall(1, 0, String.raw`rmdir("\x64")   = 0`)).toMatchObject({ name: 'rmdir', errno: 0, args: [String.raw`"\x64"`] });
    expect(parseCall(1, 0, 'exit_group(0)   = ?')).toMatchObject({ errno: undefined });
    expect(parseCall(1, 0, 'wait4(-1, 0x7ffd, 0, NULL) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)')).toMatchObject({ errno: undefined });
    expect(parseArgv(String.raw`["\x61", ...]`)).toEqual({ argv: ['a'], truncated: true });
  });
});
