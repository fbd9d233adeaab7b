/**
 * Credentials in a failing CLI's stderr never leave the server: not in a result's text, note,
 * structuredContent or _meta, not on the server's stderr, not in an MCP log message. The built server runs
 * over stdio with debug logs on both sides; the fake CLI fails a direct tool, run_action (with a JSON error
 * whose actionRunId carries a key), proxy_request and the semantic search behind search_actions (whose
 * fallback note quotes the error).
 */
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { FAKE_MEMBRANE } from "../fixtures/paths.js";
import { writeScenario } from "../fixtures/scenario.js";
import { resultText, startStdio } from "../helpers/harness.js";

const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
/** Each secret, and a part of it that must appear nowhere. */
const SECRETS: Array<[string, string]> = [
  ["sk_live_51HxYzAbCdEf1234567890", "51HxYzAbCdEf1234567890"],
  ["rk_live_51QwErTyUiOp0987654321", "51QwErTyUiOp0987654321"],
  ["AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"],
  ["xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "AbCdEfGhIjKlMnOpQrStUvWx"],
  ["ghp_ABCdef1234567890abcdefABCDEF123456", "ABCdef1234567890abcdefABCDEF123456"],
  ["AKIAIOSFODNN7EXAMPLE", "IOSFODNN7EXAMPLE"],
  [JWT, "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"],
  ["Authorization: Bearer abcDEF123456ghiJKL789", "abcDEF123456ghiJKL789"],
  ["https://admin:s3cr3tPa55word@proxy.internal:8080/v1", "s3cr3tPa55word"],
  [
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----",
    "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
  ],
];
const LEAKY_TEXT = `Error: Request failed with status code 401\n${SECRETS.map(([secret]) => `  ${secret}`).join("\n")}\n`;
const LEAKY_JSON = `${JSON.stringify({
  error: { message: `Unauthorized: ${LEAKY_TEXT}`, status: 401, actionRunId: `run-${SECRETS[0]?.[0]}` },
})}\n`;

function expectNoSecret(where: string, text: string): void {
  for (const [, part] of SECRETS) expect(text, `${where} leaks ${part}`).not.toContain(part);
}

describe("secrets in a failing CLI's output", () => {
  it("reach no result, note, structuredContent, stderr line or MCP log message", async () => {
    const scenario = writeScenario({
      runs: {
        "act-get-customer": { exitCode: 1, stderr: `${LEAKY_TEXT}${LEAKY_JSON}` },
        "act-list-customers": { exitCode: 1, stderr: LEAKY_TEXT },
      },
      requests: [{ method: "GET", path: "/v1/segments", exitCode: 1, stderr: LEAKY_TEXT }],
      intentError: LEAKY_TEXT,
    });
    const harness = await startStdio(
      ["--membrane-cli", FAKE_MEMBRANE, "--no-cache", "--log-level", "debug", "--max-output", "40000"],
      { FAKE_MEMBRANE_SCENARIO: scenario },
    );
    const logs: unknown[] = [];
    try {
      harness.client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
        logs.push(notification.params);
      });
      await harness.client.setLoggingLevel("debug");
      await harness.client.listTools();
      const calls = [
        { name: "get_customer", arguments: { id: "42" } },
        { name: "run_action", arguments: { action: "list-customers", input: {} } },
        { name: "proxy_request", arguments: { method: "GET", path: "/v1/segments" } },
      ];
      for (const call of calls) {
        const result = await harness.client.callTool(call);
        expect(result.isError, call.name).toBe(true);
        expect(resultText(result)).toContain("401");
        expectNoSecret(`${call.name} result`, JSON.stringify(result));
      }
      const failed = await harness.client.callTool(calls[0] as (typeof calls)[0]);
      expect(failed.structuredContent).toMatchObject({ status: 401, actionRunId: "run-[redacted]" });

      const search = await harness.client.callTool({
        name: "search_actions",
        arguments: { query: "customer" },
      });
      expect(search.isError, resultText(search)).toBeFalsy();
      expect(resultText(search)).toMatch(/semantic search failed \(.*401/);
      expectNoSecret("search_actions result", JSON.stringify(search));

      await expect.poll(() => logs.length).toBeGreaterThan(0);
      expect(JSON.stringify(logs)).toContain("failed");
      expectNoSecret("MCP log messages", JSON.stringify(logs));
      expect(harness.stderr()).toContain("get_customer failed");
      expectNoSecret("stderr", harness.stderr());
    } finally {
      await harness.close();
    }
  });
});
