/**
 * Stop the perf events bpftrace attaches its tracepoint programs through from sampling, without
 * detaching the programs. Why:
 *
 * bpftrace attaches each tracepoint program through a perf event it opens on CPU 0 only (pid -1,
 * cpu 0, sample_period 1), and since 0.13 its tracepoint programs return 1 (bpftrace PR #1857: "to be
 * a better citizen"). The kernel (perf_trace_run_bpf_submit) runs the tracepoint's BPF programs on
 * every CPU, and when they return non-zero it also delivers the event to the perf events enabled on the
 * current CPU. So on CPU 0 every syscall of every process makes a sample for each of the script's 13
 * raw_syscalls events, which nobody reads: measured with `dd bs=1` (2M syscalls) pinned to CPU 0 against
 * CPU 1, 5.9 s against 1.1 s with the script loaded (0.45 s without it), on bpftrace 0.17 and 0.20.2
 * alike (1.8 s against 1.1 s on 0.27.1). Disabling those events (PERF_EVENT_IOC_DISABLE) takes them out
 * of the CPU's list while the programs, attached to the tracepoint itself, keep running: CPU 0 then
 * costs what CPU 1 does. On the bench's real build with a standby: 11.13 s -> 10.70 s (untraced 9.79 s,
 * medians of 6 interleaved runs).
 *
 * Node cannot take another process's file descriptor (pidfd_getfd) or call ioctl, so a short Perl
 * program does it (perl-base is essential, i.e. always installed, on Debian and Ubuntu, which GitHub's Linux runners are). Only
 * events that answer PERF_EVENT_IOC_QUERY_BPF are tracepoint events; bpftrace's output buffers and its
 * profile/interval events (a disabled one would stop its program) do not, and are left alone. Without
 * perl, pidfd_getfd (Linux 5.6) or the right to use it, nothing changes but the speed: the result is
 * logged, never fatal.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { READY_RECORD, READY_RECORD_WITHIN } from './standby.js';

// ARGV: the pid of bpftrace or of a wrapper it runs under (sudo, chroot, chrt: the first process in
// that tree holding perf events is taken), then optionally a file to wait for bpftrace's ready record in
// (its -f json output), how many seconds to wait, the record's start and within how many bytes it is
// (standby.ts's, so both read readiness alike). Prints one line; exit 0 when events were disabled.
const PROGRAM = String.raw`
use strict; use warnings;
my ($root, $ready, $wait, $marker, $within) = @ARGV;
if (defined $ready) {
  # Opened once: a run that claims the standby renames its folder.
  open my $f, '<', $ready or do { print "cannot read $ready: $!\n"; exit 3; };
  my $until = time + $wait;
  while (1) {
    my $s = '';
    sysseek($f, 0, 0); sysread($f, $s, $within);
    last if index($s, $marker) >= 0;
    if (time > $until || !kill(0, $root)) { print "bpftrace did not get ready\n"; exit 3; }
    select(undef, undef, undef, 0.05);
  }
}
my @queue = ($root); my %seen;
while (defined(my $p = shift @queue)) {
  next if $seen{$p}++;
  my @fds;
  if (opendir my $d, "/proc/$p/fd") { @fds = grep { /^\d+$/ && (readlink("/proc/$p/fd/$_") // '') eq 'anon_inode:[perf_event]' } readdir $d; }
  if (!@fds) {
    for my $t (glob "/proc/$p/task/*/children") { if (open my $c, '<', $t) { local $/; push @queue, split ' ', (<$c> // ''); } }
    next;
  }
  my $pidfd = syscall(434, $p + 0, 0);
  if ($pidfd < 0) { print "pidfd_open($p): $!\n"; exit 4; }
  my ($off, $kept) = (0, 0);
  for my $fd (@fds) {
    my $mine = syscall(438, $pidfd, $fd + 0, 0);
    if ($mine < 0) { print "pidfd_getfd($p, $fd): $!\n"; exit 4; }
    open(my $h, '<&=', $mine) or next;
    my $q = pack('L4', 2, 0, 0, 0);
    if (ioctl($h, 0xc008240a, $q) || $!{ENOSPC}) { $off++ if ioctl($h, 0x2401, 0); } else { $kept++; }
    close $h;
  }
  print "disabled $off tracepoint perf events of bpftrace (pid $p), left $kept\n";
  exit($off > 0 ? 0 : 2);
}
print "no perf events under pid $root\n";
exit 2;
`;

/**
 * Disable the tracepoint perf events of the bpftrace at (or under) `pid`, now or, with `readyFile`,
 * once bpftrace has printed its ready record there (for a standby this process does not wait for: the
 * helper is detached and outlives it). `asRoot` prefixes the command (sudo) when io-trace is not root.
 * Resolves with one line: what was disabled, or why nothing was ('started' for a detached helper).
 */
export function stopTracepointSampling(
  pid: number,
  options: { asRoot: string[]; ready?: { file: string; waitSeconds: number }; detached?: { outputFile: string } },
): Promise<string> {
  const wait = options.ready ? [options.ready.file, String(options.ready.waitSeconds), READY_RECORD, String(READY_RECORD_WITHIN)] : [];
  const words = [...options.asRoot, 'perl', '-e', PROGRAM, String(pid), ...wait];
  return new Promise<string>((resolve) => {
    let out = '';
    let fd: number | undefined;
    try {
      if (options.detached) fd = openSync(options.detached.outputFile, 'w');
    } catch (e) {
      resolve(`cannot write ${options.detached!.outputFile}: ${(e as Error).message}`);
      return;
    }
    // Only PATH: PERL5OPT or PERL5LIB from the build's environment must not reach a perl run as root.
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    const child = spawn(words[0], words.slice(1), { env, stdio: ['ignore', fd ?? 'pipe', 'ignore'], detached: options.detached !== undefined });
    if (fd !== undefined) closeSync(fd);
    child.once('error', (e) => resolve(`perl not run (${e.message}): bpftrace's tracepoint events keep sampling on CPU 0`));
    if (options.detached) {
      child.once('spawn', () => {
        child.unref();
        resolve('started');
      });
      return;
    }
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('close', (code) => resolve(code === 0 ? out.trim() : `${out.trim() || `perl exited with ${code}`}: bpftrace's tracepoint events keep sampling on CPU 0`));
  });
}
