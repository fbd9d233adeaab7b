/**
 * A slow call sends progress: `run_action` against the sandbox with its `slow` fault (runs answer after
 * CUSTOMERIO_SANDBOX_DELAY_MS), with a progress token (the SDK's `onprogress`), over stdio from the built
 * server.
 */
import type { Progress } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { startStdio } from "../helpers/harness.js";

describe("progress notifications", () => {
  it("arrive while a slow action runs", async () => {
    const harness = await startStdio(["--sandbox", "--no-cache"], {
      CUSTOMERIO_SANDBOX_FAULT: "slow",
      CUSTOMERIO_SANDBOX_DELAY_MS: "2500",
    });
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
    } finally {
      await harness.close();
    }
  }, 45_000);
});
