/**
 * MembraneCli on its own, with real fake executables (the sandbox with its hang fault, the fake CLI): a call
 * waiting for a slot gives up at its own deadline or when cancelled while the slot stays busy; a running call
 * ticks on the runner's clock (a quick one here) and stops ticking when it ends; an argument list too large
 * to spawn is refused
 * before spawning, and a real E2BIG spawn failure is reported without the values.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CliError } from "../../../../src/errors.js";
import { ServerLogger } from "../../../../src/log.js";
import { MembraneCli } from "../../../../src/membrane/cli/cli.js";
import { classifyFailure } from "../../../../src/membrane/cli/cli-failure.js";
import { ProcessRunner } from "../../../../src/membrane/cli/process-runner.js";
import { describeError } from "../../../../src/output/error-result.js";
import { isAlive, killAll, pidsIn, waitFor } from "../../../fixtures/process-probe.js";
import { readRecords } from "../../../fixtures/records.js";
import { writeScenario } from "../../../fixtures/scenario.js";
import { quickClock } from "../../../helpers/clocks.js";
import { faultyCli, fixtureProcess, tempDir } from "../../../helpers/harness.js";

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

describe("a helper that daemonizes and holds the CLI's stdout (#18 item 11)", () => {
  // Only Linux shows which processes hold a pipe (/proc); elsewhere such a helper outlives the call.
  it.runIf(process.platform === "linux")("is ended when the CLI exits, and the call answers", async () => {
    const pidFile = join(tempDir(), "pids");
    // The CLI answers and exits at once; its helper, in a session of its own, keeps stdout open.
    const cli = new MembraneCli(faultyCli("daemonize", { CUSTOMERIO_SANDBOX_PID_FILE: pidFile }), {
      timeoutMs: 20_000,
      maxConcurrent: 1,
      maxOutputBytes: 1_000_000,
      log: quiet,
    });
    const call = cli.run(["connection", "list", "--json"]);
    call.catch(() => {});
    await waitFor(() => readdirSync(join(pidFile, "..")).includes("pids"), 5000);
    const [leader, helper] = readFileSync(pidFile, "utf8").trim().split("\n").map(Number) as [number, number];
    stop = () => killAll([helper]);
    // Before: the call waited for the pipes until its deadline (a timeout) and the helper lived on.
    expect(JSON.parse(await call).items[0].id).toBe("sandbox-customerio");
    await waitFor(() => !isAlive(leader), 2000);
    await waitFor(() => !isAlive(helper), 3000);
  });

  it.runIf(process.platform === "linux")("is ended at the deadline when the CLI hangs too", async () => {
    const pidFile = join(tempDir(), "pids");
    // Long enough for the CLI to start and write its pids before it is stopped.
    const cli = new MembraneCli(faultyCli("hang-detached", { CUSTOMERIO_SANDBOX_PID_FILE: pidFile }), {
      timeoutMs: 1000,
      maxConcurrent: 1,
      maxOutputBytes: 1_000_000,
      log: quiet,
    });
    const call = cli.run(["connection", "list", "--json"]);
    call.catch(() => {});
    await waitFor(() => readdirSync(join(pidFile, "..")).includes("pids"), 5000);
    const pids = readFileSync(pidFile, "utf8").trim().split("\n").map(Number);
    stop = () => killAll(pids);
    await expect(call).rejects.toMatchObject({ kind: "timeout" });
    await waitFor(() => pids.every((pid) => !isAlive(pid)), 3000);
  });
});

describe("progress ticks", () => {
  it("tick once a second of the runner's clock while the CLI runs, and stop when it ends", async () => {
    const slow = writeScenario({ delayMs: 300 });
    const cli = new MembraneCli(fixtureProcess("fake-membrane", { FAKE_MEMBRANE_SCENARIO: slow }), {
      timeoutMs: 10_000,
      maxConcurrent: 1,
      maxOutputBytes: 1_000_000,
      log: quiet,
      clock: quickClock(50),
    });
    const seconds: number[] = [];
    await cli.run(["connection", "list", "--json"], { onTick: (elapsed) => seconds.push(elapsed) });
    expect(seconds.length).toBeGreaterThanOrEqual(3);
    expect(seconds).toEqual(seconds.map((_, index) => index + 1));
    const ticked = seconds.length;
    await new Promise((resolve) => setTimeout(resolve, 100)); // five ticks of this clock
    expect(seconds).toHaveLength(ticked);
  });
});

describe("arguments too large to spawn", () => {
  it("refuses 30 values of 100 KB before spawning, in a short message without the values", async () => {
    const record = join(tempDir(), "record.jsonl");
    const cli = new MembraneCli(fixtureProcess("fake-membrane", { FAKE_MEMBRANE_RECORD: record }), {
      timeoutMs: 5000,
      maxConcurrent: 1,
      maxOutputBytes: 1_000_000,
      log: quiet,
    });
    const error = await cli.run([...request("/v1/x"), ...hugeQuery]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ kind: "too-large" });
    const text = describeError(error);
    expect(text.length).toBeLessThan(500);
    expect(text).toMatch(/too large to pass to the Membrane CLI \(\d+ KB of arguments/);
    expect(text).not.toContain("value1-");
    expect(readRecords(record)).toEqual([]);
  });

  it("refuses one argument over the per-argument limit", async () => {
    const cli = new MembraneCli(fixtureProcess("fake-membrane"), {
      timeoutMs: 5000,
      maxConcurrent: 1,
      maxOutputBytes: 1_000_000,
      log: quiet,
    });
    const text = describeError(
      await cli.run(["action", "run", "a", `--input=${"x".repeat(130_000)}`]).catch((caught) => caught),
    );
    expect(text).toContain("`--input` is 127 KB");
    expect(text).not.toContain("xxxxxxxxxx");
  });

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
