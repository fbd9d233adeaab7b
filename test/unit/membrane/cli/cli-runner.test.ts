/**
 * MembraneCli on its own: a running call ticks on the runner's clock (a quick one here) and stops ticking
 * when it ends (over the fake CLI in this process); an argument list too large to spawn is refused by the
 * ProcessRunner before anything is spawned. What needs real processes (waiting for a slot a hung process
 * holds, a daemonizing helper, a real E2BIG) is test/e2e/process-runner.test.ts.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../../../../src/errors.js";
import { ServerLogger } from "../../../../src/log.js";
import { MembraneCli } from "../../../../src/membrane/cli/cli.js";
import { describeError } from "../../../../src/output/error-result.js";
import { readRecords } from "../../../fixtures/records.js";
import { writeScenario } from "../../../fixtures/scenario.js";
import { quickClock } from "../../../helpers/clocks.js";
import { fixtureCli, fixtureProcess, tempDir } from "../../../helpers/harness.js";

const quiet = new ServerLogger("error", () => {});
const request = (path: string) => ["request", "conn-1", path, "--method=GET"];

/** 30 query values of 100 KB: each argument is allowed, together they pass ARG_MAX (about 3 MB). */
const hugeQuery = Array.from({ length: 30 }, (_, i) => `--query=k${i}=${`value${i}-`.repeat(10_000)}`);

describe("progress ticks", () => {
  it("tick once a second of the runner's clock while the CLI runs, and stop when it ends", async () => {
    // 150 ms of the fake's own delay is seven ticks of this clock (one every 20 ms).
    const slow = writeScenario({ delayMs: 150 });
    const cli = new MembraneCli(fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: slow }), {
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
});
