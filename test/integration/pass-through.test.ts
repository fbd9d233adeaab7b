/**
 * Arguments reach the CLI byte for byte: quotes, newlines, leading dashes, unicode, in action input and in
 * proxied requests; and a dozen calls at once are each answered with their own input.
 */
import { describe, expect, it } from "vitest";
import { scenarioPath } from "../fixtures/paths.js";
import { readRecords } from "../fixtures/records.js";
import { fixtureCli, resultJson, startInMemory, tempDir } from "../helpers/harness.js";

const TRICKY = [
  `he said "hi" and 'bye'`,
  "line one\nline two\r\nthree",
  "--input=evil",
  "-X DELETE",
  "ünïcødé ✓ 日本語 🚀",
  "$(rm -rf /) `id` ; | & > <",
  "\\back\\slash",
  "",
];

describe("pass-through", () => {
  it("passes action input to the CLI unchanged", async () => {
    const record = `${tempDir()}/record.jsonl`;
    const harness = await startInMemory(
      fixtureCli("fake-membrane", {
        FAKE_MEMBRANE_SCENARIO: scenarioPath("basic"),
        FAKE_MEMBRANE_RECORD: record,
      }),
    );
    try {
      const attributes = Object.fromEntries(TRICKY.map((value, index) => [`field_${index}`, value]));
      const input = { id: "--id-with-dashes", attributes };
      const result = await harness.client.callTool({ name: "update_customer", arguments: input });
      expect(result.isError).toBeFalsy();
      expect(resultJson(result)).toEqual({ echo: input, action: "act-update-customer" });
      const run = readRecords(record).find((call) => call.argv[1] === "run");
      expect(run?.argv).toContain(`--input=${JSON.stringify(input)}`);
    } finally {
      await harness.close();
    }
  });

  it("passes proxied paths, queries, headers and bodies to the CLI unchanged", async () => {
    const harness = await startInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenarioPath("basic") }),
    );
    try {
      for (const value of TRICKY.filter((text) => !/[\r\n]/.test(text))) {
        const body = { note: value, nested: [value] };
        // HTTP header values are ASCII (the guard refuses others); queries and bodies take anything.
        const header = /^[\x20-\x7e]*$/.test(value) ? value : "ascii only";
        const result = await harness.client.callTool({
          name: "proxy_request",
          arguments: {
            method: "POST",
            path: "/v1/customers/a%20b/attributes",
            query: { q: value, n: 5 },
            headers: { "X-Request-Id": header },
            body,
          },
        });
        expect(result.isError, value).toBeFalsy();
        const echo = resultJson<{
          method: string;
          path: string;
          query: string[];
          headers: string[];
          data: string;
        }>(result);
        expect(echo.method).toBe("POST");
        expect(echo.path).toBe("/v1/customers/a%20b/attributes");
        expect(echo.query).toEqual([`q=${value}`, "n=5"]);
        expect(echo.headers).toEqual([`X-Request-Id: ${header}`, "Content-Type: application/json"]);
        expect(echo.data).toBe(JSON.stringify(body));
      }
      const raw = await harness.client.callTool({
        name: "proxy_request",
        arguments: { method: "PUT", path: "/v1/x", body: TRICKY[1] },
      });
      expect(resultJson<{ data: string }>(raw).data).toBe(TRICKY[1]);
    } finally {
      await harness.close();
    }
  });

  it("answers a dozen concurrent calls each with its own input", async () => {
    const harness = await startInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenarioPath("basic") }),
    );
    try {
      await harness.client.listTools();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          harness.client.callTool({
            name: "run_action",
            arguments: { action: "list-customers", input: { cursor: `c-${index}` } },
          }),
        ),
      );
      results.forEach((result, index) => {
        expect(resultJson(result)).toEqual({ echo: { cursor: `c-${index}` }, action: "act-list-customers" });
      });
    } finally {
      await harness.close();
    }
  });
});
