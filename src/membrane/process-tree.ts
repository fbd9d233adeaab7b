/**
 * Killing a CLI run and everything it started. The CLI is a Node program that may spawn helpers of its
 * own, so each run starts in its own process group (POSIX) and is stopped as a group: SIGTERM, then SIGKILL
 * after a grace period. Runs still alive when the server exits are killed too, so nothing is left behind.
 */
import type { ResultPromise } from "execa";

const live = new Set<ResultPromise>();
let exitHookInstalled = false;

function signalGroup(child: ResultPromise, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    if (process.platform === "win32") child.kill(signal);
    else process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops the child and its descendants: SIGTERM now, SIGKILL after `graceMs`. */
export function killTree(child: ResultPromise, graceMs: number): void {
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  timer.unref();
  // When the group leader exits on SIGTERM its children may linger: kill the group once more then.
  child.finally(() => signalGroup(child, "SIGKILL")).catch(() => {});
}

/** Remembers a running child until the returned function is called, and kills it if the server exits. */
export function trackChild(child: ResultPromise): () => void {
  live.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const running of live) signalGroup(running, "SIGKILL");
    });
  }
  return () => {
    live.delete(child);
  };
}
