/**
 * Issue #18, finding 7: the call's deadline covers everything it waits for. With a 500 ms timeout and a
 * Membrane that takes 400 ms per command, the first discovery alone (connection list, then action list)
 * outlasts the call: the call answers with an error saying so, instead of waiting up to 10 s for the
 * discovery and then running (a late success after about 1.2 s). No wall clock is read: the answer says
 * which it was, and the fake CLI's record shows that no run started. The timeout is set in milliseconds on
 * the parsed config (startInMemory's `timeoutMs`); the deadline code is the one --timeout drives.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readRecords } from "../fixtures/records.js";
import { writeScenario } from "../fixtures/scenario.js";
import { fixtureCli, type InMemoryHarness, resultText, startInMemory, tempDir } from "../helpers/harness.js";

let harness: InMemoryHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function slowServer() {
  const record = `${tempDir()}/record.jsonl`;
  const cli = fixtureCli("fake-membrane", {
    FAKE_MEMBRANE_SCENARIO: writeScenario({ delayMs: 400 }),
    FAKE_MEMBRANE_RECORD: record,
  });
  harness = await startInMemory(cli, ["--no-cache"], { timeoutMs: 500 });
  return { client: harness.client, runs: () => readRecords(record).filter((c) => c.argv[1] === "run") };
}

describe("one deadline per call", () => {
  for (const [label, call] of [
    ["run_action", { name: "run_action", arguments: { action: "list-customers", input: {} } }],
    ["a direct tool", { name: "list_customers", arguments: {} }],
  ] as const)
    it(`${label}: the wait for the first discovery counts against --timeout`, async () => {
      const { client, runs } = await slowServer();
      const result = await client.callTool(call);
      expect(result.isError, resultText(result)).toBe(true);
      expect(resultText(result)).toMatch(/still being discovered|timed out/);
      expect(resultText(result)).toMatch(/Next step|Try again/);
      expect(runs()).toEqual([]);
    });
});
