/**
 * Issue #9, attacked end to end: every way an agent can send a raw request (proxy_request, run_action on
 * Membrane's "Make API Request" action, and that action's direct tool) gets the hostile inputs of the
 * issue, then fuzzed ones, through a real MCP client, in default and read-only modes. A recording fake CLI
 * shows what reached it: nothing hostile, and everything that did passes an independent oracle. Both
 * backends: the REST backend's requests reach fake-membrane's REST front, recorded as the same commands.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRecords } from "../fixtures/records.js";
import {
  BACKENDS,
  fixtureCli,
  type InMemoryHarness,
  resultText,
  startInMemory,
  tempDir,
} from "../helpers/harness.js";
import {
  FLAG_ACTION_ID,
  fuzzedRequest,
  HOSTILE,
  type RawRequest,
  REQUEST_ACTION_ID,
  writeScenario,
} from "./request-inputs.js";
import { assertSafeInvocation } from "./request-oracle.js";

type Route = "proxy_request" | "run_action" | "direct";
const ROUTES: Route[] = ["proxy_request", "run_action", "direct"];

/** The call each route makes for one raw request. */
function callFor(route: Route, request: RawRequest, directTool: string) {
  const input = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
  if (route === "proxy_request") return { name: "proxy_request", arguments: input };
  if (route === "run_action") return { name: "run_action", arguments: { action: REQUEST_ACTION_ID, input } };
  return { name: directTool, arguments: input };
}

for (const [backend, readOnly] of BACKENDS.flatMap((b) => [false, true].map((r) => [b, r] as const))) {
  describe(`raw requests, ${readOnly ? "read-only" : "default"} mode, ${backend} backend`, () => {
    let harness: InMemoryHarness;
    let record: string;
    let directTool: string;

    /** Calls a tool; a protocol error (e.g. a tool hidden in this mode) counts as a refusal too. */
    async function call(route: Route, request: RawRequest): Promise<CallToolResult> {
      try {
        return (await harness.client.callTool(callFor(route, request, directTool))) as CallToolResult;
      } catch (error) {
        return { isError: true, content: [{ type: "text", text: String(error) }] };
      }
    }

    beforeAll(async () => {
      record = `${tempDir()}/record.jsonl`;
      const cli = fixtureCli("fake-membrane", {
        FAKE_MEMBRANE_SCENARIO: writeScenario(),
        FAKE_MEMBRANE_RECORD: record,
      });
      harness = await startInMemory(cli, readOnly ? ["--no-cache", "--read-only"] : ["--no-cache"], {
        backend,
      });
      const { tools } = await harness.client.listTools();
      directTool = tools.find((tool) => tool.name.includes("api_request"))?.name ?? "make_api_request";
    });
    afterAll(() => harness.close());

    const runs = () => readRecords(record).filter((c) => c.argv[0] === "request" || c.argv[1] === "run");

    it("refuses every hostile request of the issue on every route, and none reaches the CLI", async () => {
      for (const request of HOSTILE) {
        for (const route of ROUTES) {
          const result = await call(route, request);
          const where = `${route} ${JSON.stringify(request)}: ${resultText(result)}`;
          expect(result.isError, where).toBe(true);
          expect(resultText(result).length, where).toBeGreaterThan(10);
        }
      }
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        for (const route of ROUTES) {
          const result = await call(route, { method, path: "/v1/customers/1" });
          expect(Boolean(result.isError), `${route} ${method}: ${resultText(result)}`).toBe(readOnly);
        }
      }
      const plain = (arg: string) => arg === "/v1/customers/1" || arg.includes('"path":"/v1/customers/1"');
      const reached = runs().filter((c) => !readOnly && c.argv.some(plain));
      expect(runs().map((c) => c.argv)).toEqual(reached.map((c) => c.argv));
      expect(reached).toHaveLength(readOnly ? 0 : 12);
      for (const invocation of runs()) assertSafeInvocation(invocation, readOnly);
    });

    it("never puts a catalog id that starts with - in a flag position", async () => {
      const before = runs().length;
      const calls = [
        ...[FLAG_ACTION_ID, "flag-like", "flag_like"].map((action) => ({
          name: "run_action",
          arguments: { action, input: {} },
        })),
        { name: "flag_like", arguments: {} },
      ];
      for (const request of calls) {
        const result = await harness.client.callTool(request);
        expect(result.isError, resultText(result)).toBe(true);
        expect(resultText(result)).toContain('starts with "-"');
      }
      expect(readRecords(record).filter((c) => c.argv.includes(FLAG_ACTION_ID))).toEqual([]);
      expect(runs().length).toBe(before);
    });

    it("sends a plain GET on every route, with -- before the positionals", async () => {
      const before = runs().length;
      for (const route of ROUTES) {
        const result = await call(route, { method: "GET", path: "/v1/segments", query: { limit: 5 } });
        expect(result.isError, `${route}: ${resultText(result)}`).toBeFalsy();
      }
      const sent = runs().slice(before);
      expect(sent.map((invocation) => assertSafeInvocation(invocation, readOnly))).toEqual([
        "request",
        "run",
        "run",
      ]);
    });

    it("lets nothing through that breaks a rule, for fuzzed requests on every route", async () => {
      let accepted = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(fuzzedRequest, fc.constantFrom(...ROUTES), async (raw, route) => {
          const before = runs().length;
          const result = await call(route, raw);
          const sent = runs().slice(before);
          for (const invocation of sent) assertSafeInvocation(invocation, readOnly);
          expect(sent.length).toBe(result.isError ? 0 : 1);
          if (result.isError) refused++;
          else accepted++;
        }),
        { numRuns: 60 },
      );
      // The generator must reach both sides of the rules, or the property says nothing.
      expect(accepted).toBeGreaterThan(10);
      expect(refused).toBeGreaterThan(10);
    }, 120_000);
  });
}
