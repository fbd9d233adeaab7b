/**
 * The real runner: the only code that spawns processes. Runs the Membrane CLI with an argument array (never
 * a shell), in its own process group; when the signal aborts (deadline or cancellation) the whole process
 * tree is killed, and the run answers within about a second even if a descendant keeps the CLI's stdout
 * open (that descendant is then ended too where the platform shows it: see pipe-holders.ts). A helper that
 * still holds the pipes after the CLI exited is ended shortly after, so the run answers with the CLI's output.
 */
import type { Result } from "execa";
import { checkArgvSize } from "./argv.js";
import { killPipeHolders, pipesOf } from "./pipe-holders.js";
import { killTree, trackChild } from "./process-tree.js";
import type { CliCommand, CommandRunner, RunnerOptions, RunOutcome } from "./runner.js";

/** After SIGTERM, the process tree gets this long before SIGKILL. */
const KILL_GRACE_MS = 500;
/** After a stop, the run answers within this long even if the CLI's pipes are still open. */
const ANSWER_AFTER_STOP_MS = 1200;
/** After the CLI exits, a process still holding its pipes (a daemonized helper) gets this long, then is ended. */
const LEFTOVER_GRACE_MS = 200;

export class ProcessRunner implements CommandRunner {
  constructor(readonly command: CliCommand) {}

  get display(): string {
    return this.command.display;
  }

  checkArgs(args: readonly string[]): void {
    checkArgvSize([this.command.command, ...this.command.args, ...args], {
      ...process.env,
      ...this.command.env,
    });
  }

  async run(args: readonly string[], { signal, maxOutputBytes }: RunnerOptions): Promise<RunOutcome> {
    // Loaded on first use: execa costs about 60 ms to import, which start-up should not pay.
    const { execa } = await import("execa");
    if (signal.aborted) return { stdout: "", stderr: "", exitCode: undefined, stopped: true };
    const subprocess = execa(this.command.command, [...this.command.args, ...args], {
      env: this.command.env,
      extendEnv: true,
      stdin: "ignore",
      reject: false,
      detached: process.platform !== "win32",
      cleanup: true,
      windowsHide: true,
      maxBuffer: { stdout: maxOutputBytes, stderr: 256_000 },
      stripFinalNewline: true,
    });
    // The pipes as the system names them, read now while the child surely holds them (Linux only).
    const pipes = pipesOf(subprocess.pid);
    // Tracked until the process really ends, even when the run stops waiting for it before.
    const untrack = trackChild(subprocess, pipes);
    subprocess.then(untrack, untrack);
    let stopped = false;
    let answerTimer: NodeJS.Timeout | undefined;
    let giveUpWaiting = () => {};
    const givenUp = new Promise<undefined>((resolve) => {
      giveUpWaiting = () => resolve(undefined);
    });
    const stop = () => {
      if (stopped) return;
      stopped = true;
      killTree(subprocess, KILL_GRACE_MS);
      killPipeHolders(pipes, KILL_GRACE_MS);
      // A descendant that left the process group may hold the pipes open: stop reading them and answer.
      answerTimer = setTimeout(() => {
        subprocess.stdout?.destroy();
        subprocess.stderr?.destroy();
        giveUpWaiting();
      }, ANSWER_AFTER_STOP_MS);
    };
    signal.addEventListener("abort", stop, { once: true });
    // The CLI is gone but its pipes are not closed: a helper it left behind holds them. End it (where the
    // platform shows it), so the run answers with what the CLI printed instead of waiting for the deadline.
    let leftoverTimer: NodeJS.Timeout | undefined;
    subprocess.once("exit", () => {
      if (pipes.size > 0 && !stopped) {
        leftoverTimer = setTimeout(() => killPipeHolders(pipes, KILL_GRACE_MS), LEFTOVER_GRACE_MS);
      }
    });
    try {
      const result = await Promise.race([subprocess, givenUp]);
      if (stopped || result === undefined)
        return { stdout: "", stderr: "", exitCode: undefined, stopped: true };
      return outcomeOf(result);
    } finally {
      clearTimeout(answerTimer);
      clearTimeout(leftoverTimer);
      signal.removeEventListener("abort", stop);
    }
  }
}

/** execa's result in the runner-neutral shape. */
function outcomeOf(result: Result): RunOutcome {
  return {
    stdout: String(result.stdout ?? ""),
    stderr: String(result.stderr ?? ""),
    exitCode: result.exitCode,
    signal: result.signal,
    startError:
      result.exitCode === undefined && !result.signal ? (result as { code?: string }).code : undefined,
    outputTooLarge: result.isMaxBuffer,
  };
}
