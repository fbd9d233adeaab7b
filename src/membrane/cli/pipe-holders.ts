/**
 * The processes that hold a CLI run's stdout or stderr, found through /proc on Linux. A helper that
 * daemonizes (a new session with setsid, its parent gone) is in neither the run's process group nor its
 * tree of descendants, yet holding the pipe it keeps the run from ending; the pipe itself names it (its
 * inode, the same in every process that holds the child's end). The pipes are read from /proc/<pid>/fd right after the spawn, while the CLI surely holds them. Elsewhere (no
 * /proc: macOS, Windows) nothing is found, and such a helper outlives the run: see docs/membrane-cli-contract.md.
 */
import { readdirSync, readlinkSync } from "node:fs";

/** The identities (`socket:[inode]` or `pipe:[inode]`) of the stdout and stderr of the process `pid`; empty without /proc. */
export function pipesOf(pid: number | undefined): Set<string> {
  const pipes = new Set<string>();
  if (pid === undefined || process.platform !== "linux") return pipes;
  for (const fd of [1, 2]) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      // libuv gives a child a socket pair for each pipe: `socket:[inode]` (a shell's pipe: `pipe:[inode]`).
      if (target.startsWith("pipe:") || target.startsWith("socket:")) pipes.add(target);
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return pipes;
}

/** Every other process (of this user: others' fds are unreadable) holding one of `pipes` open. */
export function pipeHolders(pipes: Set<string>): number[] {
  if (pipes.size === 0) return [];
  const holders: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return holders;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (pipes.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) {
          holders.push(Number(entry));
          break;
        }
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return holders;
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM to every holder of `pipes` now, SIGKILL after `graceMs` (0: SIGKILL at once). */
export function killPipeHolders(pipes: Set<string>, graceMs: number): void {
  const holders = pipeHolders(pipes);
  if (holders.length === 0) return;
  if (graceMs <= 0) {
    for (const pid of holders) signalPid(pid, "SIGKILL");
    return;
  }
  for (const pid of holders) signalPid(pid, "SIGTERM");
  setTimeout(() => {
    for (const pid of holders) signalPid(pid, "SIGKILL");
  }, graceMs).unref();
}
