/**
 * What happens when the server process ends. Node's default for SIGTERM, SIGINT and SIGHUP is to die at
 * once, without 'exit' handlers: the CLI process groups (detached, so the terminal's signal does not reach
 * them) would live on, and the exit tasks (onExit) would not run. The hooks here stop every CLI
 * process tree (SIGTERM, a short grace, SIGKILL), run the exit tasks, then exit with 128 + the signal number.
 */
import { constants } from "node:os";
import type { Logger } from "../log.js";
import { allChildrenExited, signalAllChildren } from "./cli/process-tree.js";

const SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;
/** How long CLI runs get to end on SIGTERM before SIGKILL, when the server is told to stop. */
const SHUTDOWN_GRACE_MS = 500;
const POLL_MS = 20;

const exitTasks = new Set<() => void>();
let exitHookInstalled = false;
let exitTasksRan = false;

function runExitTasks(): void {
  if (exitTasksRan) return;
  exitTasksRan = true;
  // Processes first: a CLI still running could write into a folder being removed.
  signalAllChildren("SIGKILL");
  for (const task of exitTasks) {
    try {
      task();
    } catch {
      // Best effort: exiting must not fail.
    }
  }
}

/**
 * Runs `task` (synchronous) once when the process exits, after every CLI process tree is killed; also on
 * SIGTERM, SIGINT and SIGHUP when installShutdownHooks was called. Returns a function that unregisters it.
 */
export function onExit(task: () => void): () => void {
  exitTasks.add(task);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", runExitTasks);
  }
  return () => {
    exitTasks.delete(task);
  };
}

/** Makes SIGTERM, SIGINT and SIGHUP stop every CLI process tree and run the exit tasks before exiting. */
export function installShutdownHooks(log?: Logger): void {
  let stopping = false;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      const code = 128 + (constants.signals[signal] ?? 15);
      if (stopping) {
        // A second signal: no more grace.
        runExitTasks();
        process.exit(code);
      }
      stopping = true;
      log?.debug(`Received ${signal}: stopping the Membrane CLI runs and exiting`);
      signalAllChildren("SIGTERM");
      const deadline = Date.now() + SHUTDOWN_GRACE_MS;
      const poll = setInterval(() => {
        if (!allChildrenExited() && Date.now() < deadline) return;
        clearInterval(poll);
        runExitTasks();
        process.exit(code);
      }, POLL_MS);
    });
  }
}
