/**
 * InProcessRunner reads a CLI face's answer exactly as the process runner reads a process: the final newline
 * stripped, a crash as exit 1 with its stack, too much stdout as outputTooLarge, a stop answered at once
 * (the face told through the same signal); and it refuses a command line the real CLI could not be given.
 * Through MembraneCli, the shared layer classifies the outcome as it does a process's.
 */
import { describe, expect, it } from "vitest";
import { ServerLogger } from "../../../../src/log.js";
import { MembraneCli } from "../../../../src/membrane/cli/cli.js";
import { type CliFace, InProcessRunner } from "../../../../src/membrane/cli/in-process-runner.js";

const options = () => ({ signal: new AbortController().signal, maxOutputBytes: 100 });
const face =
  (answer: Awaited<ReturnType<CliFace>>): CliFace =>
  async () =>
    answer;

describe("InProcessRunner", () => {
  it("gives stdout, stderr and the exit code, each without its final newline", async () => {
    const runner = new InProcessRunner(
      "fake",
      face({ stdout: '{"a":1}\n\n', stderr: "warn\r\n", exitCode: 3 }),
    );
    expect(await runner.run(["x"], options())).toEqual({ stdout: '{"a":1}\n', stderr: "warn", exitCode: 3 });
  });

  it("reads a face that throws as a crash: exit 1, the stack on stderr", async () => {
    const runner = new InProcessRunner("fake", async () => {
      throw new Error("boom");
    });
    const outcome = await runner.run([], options());
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/^Error: boom\n\s+at /);
  });

  it("reports more stdout than the limit as too large, without the output", async () => {
    const runner = new InProcessRunner("fake", face({ stdout: "x".repeat(101), stderr: "", exitCode: 0 }));
    expect(await runner.run([], options())).toMatchObject({ stdout: "", outputTooLarge: true });
  });

  it("answers a stop at once, and tells the face", async () => {
    let seen: AbortSignal | undefined;
    const runner = new InProcessRunner("fake", ({ length }, { signal }) => {
      seen = signal;
      return new Promise(() => length); // never answers
    });
    const controller = new AbortController();
    const outcome = runner.run(["hang"], { signal: controller.signal, maxOutputBytes: 100 });
    controller.abort();
    expect(await outcome).toMatchObject({ stopped: true });
    expect(seen?.aborted).toBe(true);
  });

  it("refuses an argument list too large for the real CLI, before the face runs", () => {
    let ran = false;
    const runner = new InProcessRunner("fake", async () => {
      ran = true;
      return { stdout: "", stderr: "", exitCode: 0 };
    });
    expect(() => runner.checkArgs([`--input=${"x".repeat(130_000)}`])).toThrow(/127 KB/);
    expect(ran).toBe(false);
  });

  it("through MembraneCli, a failure is classified as a process's would be", async () => {
    const stderr = '{"error":{"message":"Too Many Requests","status":429,"retryAfter":1}}\n';
    const cli = new MembraneCli(new InProcessRunner("fake", face({ stdout: "", stderr, exitCode: 1 })), {
      timeoutMs: 5000,
      maxConcurrent: 1,
      maxOutputBytes: 1000,
      log: new ServerLogger("error", () => {}),
    });
    await expect(cli.run(["request", "c", "/v1/x"])).rejects.toMatchObject({
      kind: "exit",
      status: 429,
      retryAfterSeconds: 1,
      message: "The Membrane CLI exited with code 1: Too Many Requests",
    });
  });
});
