/**
 * Deliver bpftrace's records in batches while the build runs, by holding bpftrace stopped (SIGSTOP)
 * and letting it run (SIGCONT) every few milliseconds until it has caught up. Why:
 *
 * A BPF program that prints a record wakes its reader whenever the reader has caught up: a BPF ring
 * buffer (bpftrace 0.19+) wakes it when the record is the first unread one, a perf buffer (before
 * 0.19; bcc opens them with wakeup_events = 1) on every record. The wakeup is an irq_work raised by a
 * self-IPI, which in a VM is a VM exit: measured here (2-CPU KVM guest) the program that prints the
 * A records costs ~6 us per record on 0.20.2 and ~11 us on 0.17, against ~0.1 us for the rest of its
 * work. An eager reader (bpftrace, idle on the other CPU) is always caught up, so every record pays,
 * and bpftrace itself then wakes, formats and writes one record at a time. Held stopped, bpftrace
 * does not consume: the ring's reader stays behind, so on 0.19+ no record wakes anyone, and on every
 * version bpftrace drains a batch per turn instead of waking per record. Measured (2-CPU VM, medians):
 * the bench's real turbo build on 0.20.2, 1.12-1.14x untraced -> 1.04-1.06x; the find+cat loop,
 * 2.35-2.49x -> 1.86x on 0.20.2 and 3.06x -> 2.53x on 0.17; bpftrace's own CPU on the real build
 * 350 -> 130 ms.
 *
 * Nothing is lost by waiting: records stay in the kernel's buffers (sized for bursts, see
 * defaultPerfPages), bpftrace runs again within the period, and is let run for as long as it is
 * busy (runnable) before it is held again, so a burst that needs bpftrace all the time gets it all
 * the time, as without pacing. Losses, if any, are counted and reported as always.
 *
 * Node can only signal, not wait on a timer precisely while it ingests, so a short Perl program does
 * the pacing (perl-base is essential on Debian and Ubuntu; tracepoint-sampling.ts uses it too). It
 * lets bpftrace run for good when its stdin reaches end of file: when io-trace stops pacing, and when
 * io-trace dies, however it dies (its end of the pipe closes), and on SIGINT, SIGTERM or SIGHUP. A
 * bpftrace never stays stopped behind a run that ended. Without perl, or where bpftrace cannot be
 * found in the process tree (a wrapper that does not fork it), nothing changes but the speed.
 */
import { execFile, spawn } from 'node:child_process';
import type { Logger } from '../core/logger.js';

// ARGV: the pid of bpftrace or of a wrapper it runs under (sudo, chroot, chrt: the first process in
// that tree named bpftrace is taken), the hold time and the shortest run time, in seconds. Prints one
// line when pacing starts (or why it does not: exit 2) and one when it ends.
const PROGRAM = String.raw`
use strict; use warnings;
my ($root, $hold, $run) = @ARGV;
sub comm { open(my $f, '<', "/proc/$_[0]/comm") or return ''; my $c = <$f> // ''; chomp $c; return $c; }
my ($bt, @queue, %seen) = (undef, $root);
while (defined(my $p = shift @queue)) {
  next if $seen{$p}++;
  if (comm($p) eq 'bpftrace') { $bt = $p; last; }
  for my $t (glob "/proc/$p/task/*/children") { if (open my $c, '<', $t) { local $/; push @queue, split ' ', (<$c> // ''); } }
}
$| = 1;
if (!defined $bt) { print "no process named bpftrace under pid $root: records are delivered one by one\n"; exit 2; }
# R: running or runnable (still reading its buffers); '' once it is gone (or the pid was reused).
sub state { open(my $f, '<', "/proc/$bt/stat") or return ''; my $s = <$f> // ''; return $s =~ /^\d+ \(bpftrace\) (\S)/ ? $1 : ''; }
my ($holds, $held) = (0, 0);
sub done { kill 'CONT', $bt if state() ne ''; print "bpftrace (pid $bt) held $holds times\n"; exit 0; }
$SIG{INT} = $SIG{TERM} = $SIG{HUP} = \&done;
my $in = ''; vec($in, fileno(STDIN), 1) = 1;
# Sleep up to $_[0] seconds; true when io-trace closed our stdin (or is gone): time to stop.
sub told { my $r = $in; return select($r, undef, undef, $_[0]) > 0; }
print "pacing bpftrace (pid $bt)\n";
while (state() ne '') {
  kill 'STOP', $bt;
  $holds++;
  last if told($hold);
  kill 'CONT', $bt;
  # Until it sleeps again (waiting for records, or for its reader), however long that takes.
  do { done() if told($run); } while (state() eq 'R');
}
done();
`;

export interface OutputPacer {
  /** Let bpftrace run for good. Resolves with the helper's last line once it has exited (bounded). */
  stop(): Promise<string>;
}

/** Defaults: held 20 ms at a time, then let run at least 2 ms and until it sleeps again. */
export const DEFAULT_PACE_MS = 20;

/**
 * Start pacing the bpftrace at (or under) `pid`. `asRoot` prefixes the command (sudo) when io-trace is
 * not root. Never throws: a helper that cannot start or find bpftrace is logged (debug) and ignored.
 */
export function startOutputPacing(pid: number, options: { asRoot: string[]; holdMs?: number; log: Logger }): OutputPacer {
  const hold = (options.holdMs ?? DEFAULT_PACE_MS) / 1000;
  const words = [...options.asRoot, 'perl', '-e', PROGRAM, String(pid), String(hold), '0.002'];
  let last = '';
  let paced: number | undefined;
  // Only PATH: PERL5OPT or PERL5LIB from the build's environment must not reach a perl run as root.
  // Its own session: a Ctrl-C to io-trace's process group must not stop it before bpftrace runs again.
  const child = spawn(words[0], words.slice(1), { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<void>((resolve) => {
    child.once('error', (e) => {
      last = `perl not run (${e.message}): bpftrace's records are delivered one by one`;
      resolve();
    });
    child.once('close', (_code, signal) => {
      if (signal && paced !== undefined) {
        // Killed (SIGKILL, OOM) with bpftrace perhaps held: let it run from here.
        last = `the pacing helper was killed (${signal}); bpftrace let run`;
        if (options.asRoot.length > 0) execFile(options.asRoot[0], [...options.asRoot.slice(1), 'kill', '-CONT', String(paced)], () => {});
        else {
          try {
            process.kill(paced, 'SIGCONT');
          } catch {
            // Gone.
          }
        }
      }
      resolve();
    });
  });
  child.stdin!.on('error', () => {});
  child.stdout!.setEncoding('utf8');
  let partial = '';
  child.stdout!.on('data', (s: string) => {
    const lines = (partial + s).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line) last = line;
      const m = /^pacing bpftrace \(pid (\d+)\)$/.exec(line);
      if (m) paced = Number(m[1]);
      options.log.debug(`output pacing: ${line}`);
    }
  });
  child.stderr!.on('data', (s: Buffer) => options.log.debug(`output pacing: ${s.toString().trim()}`));
  // The helper must not keep io-trace alive: stop() is called on every way a session ends, and if it
  // were not, io-trace's exit closes the pipe, which ends the helper too.
  child.unref();
  for (const s of [child.stdin, child.stdout, child.stderr]) (s as unknown as { unref?: () => void }).unref?.();
  let stopped: Promise<string> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        child.stdin!.end();
        const bounded = new Promise<void>((r) => setTimeout(r, 2000).unref());
        await Promise.race([exited, bounded]);
        if (child.exitCode === null && child.signalCode === null) {
          last = `the pacing helper did not exit within 2 s: ${last}`;
          child.kill('SIGTERM');
        }
        return last;
      })();
      return stopped;
    },
  };
}
