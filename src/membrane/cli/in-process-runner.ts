/**
 * The in-process runner: a CLI face that is a function (the embedded sandbox's) run with the same argv as a
 * process would get, giving the same stdout, stderr and exit code, with the final newline stripped as the
 * process runner strips it. No process starts. When the signal aborts, the run answers at once as stopped
 * (the face is told through the same signal); more stdout than the limit is reported as a process's would be.
 */
import { checkArgvSize } from "./argv.js";
import type { CommandRunner, RunnerOptions, RunOutcome } from "./runner.js";

/** A CLI as a function: argv in; stdout, stderr and the exit code out. */
export type CliFace = (
  args: readonly string[],
  options: { signal: AbortSignal },
) => Promise<{ stdout: string; stderr: string; exitCode: number }>;

const stripFinalNewline = (text: string) => text.replace(/\r?\n$/, "");

export class InProcessRunner implements CommandRunner {
  constructor(
    readonly display: string,
    private readonly face: CliFace,
  ) {}

  /** The same limits as a process: a command line the real CLI could not be given is refused here too. */
  checkArgs(args: readonly string[]): void {
    checkArgvSize([this.display, ...args], process.env);
  }

  async run(args: readonly string[], { signal, maxOutputBytes }: RunnerOptions): Promise<RunOutcome> {
    const stopped: RunOutcome = { stdout: "", stderr: "", exitCode: undefined, stopped: true };
    if (signal.aborted) return stopped;
    let onAbort = () => {};
    const aborted = new Promise<RunOutcome>((resolve) => {
      onAbort = () => resolve(stopped);
      signal.addEventListener("abort", onAbort, { once: true });
    });
    // A face that throws crashed, as a process with an uncaught exception would: its stack on stderr, exit 1.
    const ran = this.face(args, { signal }).then(
      (answer): RunOutcome => ({
        stdout: stripFinalNewline(answer.stdout),
        stderr: stripFinalNewline(answer.stderr),
        exitCode: answer.exitCode,
      }),
      (error: unknown): RunOutcome => ({
        stdout: "",
        stderr: error instanceof Error ? (error.stack ?? error.message) : String(error),
        exitCode: 1,
      }),
    );
    try {
      const outcome = await Promise.race([ran, aborted]);
      if (outcome.stopped) return outcome;
      if (Buffer.byteLength(outcome.stdout) > maxOutputBytes) {
        return { stdout: "", stderr: outcome.stderr, exitCode: undefined, outputTooLarge: true };
      }
      return outcome;
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }
}
