/**
 * Issue #18, finding 8: the user's data byte for byte. Membrane prints 12345678901234567890 and 1.10; every
 * route (direct tool, run_action, proxy_request, with and without `fields`) gives them back as printed,
 * never 12345678901234567000 or 1.1, on every schema profile and both backends, and structuredContent never
 * carries an altered number.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import type { SchemaProfile } from "../../src/config.js";
import { SCHEMA_PROFILES } from "../../src/options.js";
import { writeScenario } from "../fixtures/scenario.js";
import { BACKENDS, fixtureCli, type InMemoryHarness, resultText, startInMemory } from "../helpers/harness.js";
import { call, shapedArgs } from "./consent/consent-attacks.js";

const PRINTED =
  '{"records":[{"id":12345678901234567890,"price":1.10,"ratio":1e2,"small":-0,"name":"Ada"}],"count":3}';
const EXACT = ["12345678901234567890", "1.10", "1e2", "-0"];
const ALTERED = ["12345678901234567000", "12345678901234567e", '"price":1.1,', "100,"];

let harness: InMemoryHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function expectExact(result: CallToolResult, label: string): void {
  const text = resultText(result);
  expect(result.isError, `${label}: ${text}`).toBeFalsy();
  for (const token of EXACT) expect(text, label).toContain(token);
  for (const token of ALTERED) expect(text, label).not.toContain(token);
  const first = result.content[0];
  expect(() => JSON.parse(first?.type === "text" ? first.text : ""), label).not.toThrow();
  if (result.structuredContent !== undefined) {
    const structured = JSON.stringify(result.structuredContent);
    for (const token of ALTERED) expect(structured, label).not.toContain(token);
  }
}

for (const [profile, backend] of (SCHEMA_PROFILES as readonly SchemaProfile[]).flatMap((p) =>
  BACKENDS.map((b) => [p, b] as const),
)) {
  describe(`numbers come back as Membrane printed them (${profile}, ${backend} backend)`, () => {
    it("on the direct tool, run_action and proxy_request, with and without fields", async () => {
      const scenario = writeScenario({
        runs: { "act-list-customers": { stdout: `{"output":${PRINTED},"actionRunId":"run-1"}` } },
        requests: [{ method: "GET", path: "/v1/customers", stdout: PRINTED }],
      });
      harness = await startInMemory(
        fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario }),
        ["--no-cache", "--schema-profile", profile],
        { backend },
      );
      const s = { client: harness.client };
      const routes: Array<[string, string, Record<string, unknown>]> = [
        ["direct", "list_customers", {}],
        ["run_action", "run_action", { action: "list-customers", input: {} }],
        [
          "run_action fields",
          "run_action",
          {
            action: "list-customers",
            input: {},
            fields: ["records.*.id", "records.*.price", "records.*.ratio", "records.*.small"],
          },
        ],
        ["proxy_request", "proxy_request", { method: "GET", path: "/v1/customers" }],
        [
          "proxy_request fields",
          "proxy_request",
          {
            method: "GET",
            path: "/v1/customers",
            fields: ["records.*.id", "records.*.price", "records.*.ratio", "records.*.small"],
          },
        ],
      ];
      for (const [label, tool, args] of routes)
        expectExact(await call(s, tool, await shapedArgs(s, tool, args)), label);
    });
  });
}
