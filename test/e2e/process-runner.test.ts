/**
 * MembraneCli over the real ProcessRunner with real processes (the fault bin: hang, daemonize,
 * hang-detached): a call waiting for a slot gives up at its own deadline or when cancelled while the slot's
 * process stays alive; a helper that daemonizes and holds the CLI's stdout is ended; a real E2BIG spawn
 * failure is reported without the values. The runner's in-process checks (ticks, arguments refused before
 * spawning) are test/unit/membrane/cli/cli-runner.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ServerLogger } from "../../src/log.js";
import { MembraneCli } from "../../src/membrane/cli/cli.js";
import { classifyFailure } from "../../src/membrane/cli/cli-failure.js";
import { ProcessRunner } from "../../src/membrane/cli/process-runner.js";
import { describeError } from "../../src/output/error-result.js";
import { isAlive, killAll, pidsIn, waitFor } from "../fixtures/process-probe.js";
import { faultyCli, tempDir } from "../helpers/harness.js";

const quiet = new ServerLogger("error", () => {});
const request = (path: string) => ["request", "conn-1", path, "--method=GET"];
let stop = () => {};
afterEach(() => stop());

function hangingCli(pidDir: string, maxConcurrent: number) {
  const cli = new MembraneCli(
    faultyCli("hang", {
      CUSTOMERIO_SANDBOX_PID_DIR: pidDir,
      CUSTOMERIO_SANDBOX_HANG_COMMANDS: "request",
    }),
    { timeoutMs: 10_000, maxConcurrent, maxOutputBytes: 1_000_000, log: quiet },
  );
  stop = () => cli.stopAll();
  return cli;
}

/** 30 query values of 100 KB: each argument is allowed, together they pass ARG_MAX (about 3 MB). */
const hugeQuery = Array.from({ length: 30 }, (_, i) => `--query=k${i}=${`value${i}-`.repeat(10_000)}`);

describe("waiting for a slot", () => {
  it("gives up at the call's own deadline while the slot stays busy", async () => {
    const pidDir = tempDir();
    const cli = hangingCli(pidDir, 1);
    const first = cli.run(request("/v1/first"));
    first.catch(() => {});
    await waitFor(() => pidsIn(pidDir).length === 2, 5000);
    const started = Date.now();
    const second = cli.run(request("/v1/second"), { deadline: Date.now() + 300 });
    await expect(second).rejects.toMatchObject({ kind: "timeout" });
    await expect(second).rejects.toThrow(/waited \d s for a free Membrane CLI slot/);
    // Well before the slot frees up (never: the first call hangs until stopped), a little after the deadline.
    expect(Date.now() - started).toBeLessThan(700);
    expect(pidsIn(pidDir).every(isAlive)).toBe(true);
    cli.stopAll();
    await expect(first).rejects.toMatchObject({ kind: "cancelled" });
    await waitFor(() => pidsIn(pidDir).every((pid) => !isAlive(pid)), 2000);
  });

  it("is cancelled at once while it waits", async () => {
    const pidDir = tempDir();
    const cli = hangingCli(pidDir, 1);
    cli.run(request("/v1/first")).catch(() => {});
    await waitFor(() => pidsIn(pidDir).length === 2, 5000);
    const controller = new AbortController();
    const second = cli.run(request("/v1/second"), { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await expect(second).rejects.toMatchObject({ kind: "cancelled" });
    expect(Date.now() - started).toBeLessThan(700);
    expect(readdirSync(pidDir).filter((name) => !name.endsWith(".tmp"))).toHaveLength(1);
  });
});

/**
 * Runs `connection list` through the fault bin with `fault` on and waits for the pids it writes (the CLI's,
 * then its helper's); they are killed after the test whatever happens.
 */
async function runWritingPids(fault: string, timeoutMs: number) {
  const pidFile = join(tempDir(), "pids");
  const cli = new MembraneCli(faultyCli(fault, { CUSTOMERIO_SANDBOX_PID_FILE: pidFile }), {
    timeoutMs,
    maxConcurrent: 1,
    maxOutputBytes: 1_000_000,
    log: quiet,
  });
  const call = cli.run(["connection", "list", "--json"]);
  call.catch(() => {});
  await waitFor(() => readdirSync(join(pidFile, "..")).includes("pids"), 5000);
  const pids = readFileSync(pidFile, "utf8").trim().split("\n").map(Number);
  stop = () => killAll(pids);
  return { call, pids };
}

describe("a helper that daemonizes and holds the CLI's stdout (#18 item 11)", () => {
  // Only Linux shows which processes hold a pipe (/proc); elsewhere such a helper outlives the call.
  it.runIf(process.platform === "linux")("is ended when the CLI exits, and the call answers", async () => {
    // The CLI answers and exits at once; its helper, in a session of its own, keeps stdout open.
    const { call, pids } = await runWritingPids("daemonize", 20_000);
    const [leader, helper] = pids as [number, number];
    // Before: the call waited for the pipes until its deadline (a timeout) and the helper lived on.
    expect(JSON.parse(await call).items[0].id).toBe("sandbox-customerio");
    await waitFor(() => !isAlive(leader), 2000);
    await waitFor(() => !isAlive(helper), 3000);
  });

  it.runIf(process.platform === "linux")("is ended at the deadline when the CLI hangs too", async () => {
    // Long enough for the CLI to start and write its pids before it is stopped.
    const { call, pids } = await runWritingPids("hang-detached", 1000);
    await expect(call).rejects.toMatchObject({ kind: "timeout" });
    await waitFor(() => pids.every((pid) => !isAlive(pid)), 3000);
  });
});

describe("arguments too large to spawn", () => {
  it("reports a real E2BIG spawn failure without repeating the command line", async () => {
    const runner = new ProcessRunner({ command: process.execPath, args: ["-e", "1"], env: {}, display: "x" });
    const outcome = await runner.run(hugeQuery, {
      signal: new AbortController().signal,
      maxOutputBytes: 1000,
    });
    expect(outcome.startError).toBe("E2BIG");
    const error = classifyFailure(outcome, "membrane", 1_000_000);
    expect(error.kind).toBe("too-large");
    const text = describeError(error);
    expect(text.length).toBeLessThan(500);
    expect(text).not.toContain("value1-");
  });
});
