/**
 * A slow call sends progress: `run_action` of an action the fake CLI runs for 400 ms, with a progress
 * token (the SDK's `onprogress`). The server's clock ticks 50 times faster than real time, so
 * the once-a-second "still running" ticks come every 20 ms of the CLI's real run.
 */
import type { Progress } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { writeScenario } from "../fixtures/scenario.js";
import { quickClock } from "../helpers/clocks.js";
import { fixtureCli, startInMemory } from "../helpers/harness.js";

describe("progress notifications", () => {
  it("arrive while a slow action runs", async () => {
    const harness = await startInMemory(
      fixtureCli("fake-membrane", {
        FAKE_MEMBRANE_SCENARIO: writeScenario({ runs: { "act-list-customers": { delayMs: 400 } } }),
      }),
      ["--no-cache", "--connection-id", "conn-1"],
      { clock: quickClock(50) },
    );
    try {
      const updates: Progress[] = [];
      const result = await harness.client.callTool(
        { name: "run_action", arguments: { action: "list-customers", input: {} } },
        undefined,
        { onprogress: (progress) => updates.push(progress), timeout: 45_000 },
      );
      expect(result.isError).toBeFalsy();
      expect(updates.length).toBeGreaterThan(0);
      const values = updates.map((update) => update.progress);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      // The ticks of the run itself, counted in the clock's seconds: 1 s, 2 s, ... in order.
      const seconds = updates.flatMap((update) => {
        const tick = /still running after (\d+) s/.exec(update.message ?? "");
        return tick ? [Number(tick[1])] : [];
      });
      expect(seconds.slice(0, 3)).toEqual([1, 2, 3]);
    } finally {
      await harness.close();
    }
  }, 45_000);
});
