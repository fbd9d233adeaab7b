/**
 * Killing a CLI run and everything it started. The CLI is a Node program that may spawn helpers of its
 * own, so each run starts in its own process group (POSIX) and is stopped as a group, together with any
 * descendant that left the group (see descendants.ts): SIGTERM, then SIGKILL after a grace period. Runs
 * still alive when the server exits are killed too (shutdown.ts adds SIGTERM, SIGINT and SIGHUP).
 */
import type { ResultPromise } from "execa";
import { descendantsOf } from "./descendants.js";
import { killPipeHolders } from "./pipe-holders.js";

/** Every running child, with the descendants seen so far (they may outlive their parent). */
const live = new Map<ResultPromise, Set<number>>();
/** The pipes of each running child (pipe-holders.ts): a daemonized helper still holding one is ended too. */
const pipesOfChild = new Map<ResultPromise, Set<string>>();
let exitHookInstalled = false;

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

function signalGroup(child: ResultPromise, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === "win32") {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
    return;
  }
  signalPid(-pid, signal);
}

/** The child's descendants now, added to those seen before (a helper may have been reparented since). */
function knownDescendants(child: ResultPromise): number[] {
  const known = live.get(child) ?? new Set<number>();
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    for (const pid of descendantsOf(child.pid)) known.add(pid);
  }
  return [...known];
}

/** Signals the child's process group and every descendant found. */
function signalTree(child: ResultPromise, signal: NodeJS.Signals): void {
  const descendants = knownDescendants(child);
  signalGroup(child, signal);
  for (const pid of descendants) signalPid(pid, signal);
}

/** Stops the child and its descendants: SIGTERM now, SIGKILL after `graceMs`. */
export function killTree(child: ResultPromise, graceMs: number): void {
  const descendants = knownDescendants(child);
  signalTree(child, "SIGTERM");
  const timer = setTimeout(() => {
    signalTree(child, "SIGKILL");
    for (const pid of descendants) signalPid(pid, "SIGKILL");
  }, graceMs);
  timer.unref();
  // When the group leader exits on SIGTERM its children may linger: kill the group once more then.
  child
    .finally(() => {
      signalGroup(child, "SIGKILL");
      for (const pid of descendants) signalPid(pid, "SIGKILL");
    })
    .catch(() => {});
}

/**
 * Remembers a running child (and its pipes) until the returned function is called, and kills it, with
 * whatever still holds its pipes, if the server exits.
 */
export function trackChild(child: ResultPromise, pipes: Set<string> = new Set()): () => void {
  live.set(child, new Set());
  pipesOfChild.set(child, pipes);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => signalAllChildren("SIGKILL"));
  }
  return () => {
    live.delete(child);
    pipesOfChild.delete(child);
  };
}

/** Sends `signal` to every running child's process tree (the server is going away). */
export function signalAllChildren(signal: NodeJS.Signals): void {
  for (const child of live.keys()) {
    signalTree(child, signal);
    if (signal === "SIGKILL") killPipeHolders(pipesOfChild.get(child) ?? new Set(), 0);
  }
}

/** Whether every tracked child (the group leaders) has exited. */
export function allChildrenExited(): boolean {
  for (const child of live.keys()) if (child.exitCode === null && child.signalCode === null) return false;
  return true;
}
