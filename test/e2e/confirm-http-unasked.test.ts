/**
 * Issue #18, finding 6: over HTTP nothing high blast runs unasked. A 2025-11-25 client over stateless HTTP
 * (whose declared capabilities the server never sees) and a 2026-07-28 client without elicitation are
 * refused with what to do; a person who started the server with --confirm never gets the call run. The
 * fixture CLI records what reached it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as LegacyHttp } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { FAKE_MEMBRANE } from "../fixtures/paths.js";
import { readRecords } from "../fixtures/records.js";
import { resultText, tempDir } from "../helpers/harness.js";
import { modernHttpClient, startHttpServer } from "../helpers/http.js";

const SEND = { transactional_message_id: "welcome-7", to: "ada@example.com" };
const DELETE = { method: "DELETE", path: "/v1/customers/42" };

async function serve(extra: string[]) {
  const record = `${tempDir()}/record.jsonl`;
  const server = await startHttpServer(
    ["--membrane-cli", FAKE_MEMBRANE, "--no-cache", "--allow-writes", ...extra],
    { FAKE_MEMBRANE_RECORD: record },
  );
  const token = readFileSync(join(server.configDir, "customerio-mcp", "http-token"), "utf8").trim();
  const runs = () => readRecords(record).filter((c) => c.argv[0] === "request" || c.argv[1] === "run");
  return { server, token, runs };
}

/** A 2025-11-25 client that declares form elicitation and would say yes. */
async function legacyElicitingClient(url: string, token: string) {
  const client = new LegacyClient(
    { name: "legacy-eliciting", version: "1.0.0" },
    { capabilities: { elicitation: { form: {} } } },
  );
  client.setRequestHandler(ElicitRequestSchema, async () => ({
    action: "accept",
    content: { confirm: true },
  }));
  await client.connect(
    new LegacyHttp(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return client;
}

describe("HTTP: nothing high blast runs unasked", () => {
  it("refuses a send and a DELETE when the server cannot ask (2025-11-25 stateless, 2026 without elicitation)", async () => {
    const { server, token, runs } = await serve([]);
    try {
      const legacy = await legacyElicitingClient(server.url, token);
      const modern = await modernHttpClient(server.url, token);
      for (const client of [legacy, modern]) {
        for (const [name, args] of [
          ["send_transactional_email", SEND],
          ["proxy_request", DELETE],
        ] as const) {
          const result = await client.callTool({ name, arguments: args });
          expect(result.isError, `${name}: ${resultText(result)}`).toBe(true);
          expect(resultText(result)).toMatch(/cannot ask the person/);
          expect(resultText(result)).toMatch(/--confirm never/);
        }
        // What is not high blast still runs.
        const read = await client.callTool({ name: "list_customers", arguments: { limit: 1 } });
        expect(read.isError, resultText(read)).toBeFalsy();
      }
      await legacy.close();
      await modern.close();
      expect(runs().map((c) => c.argv[1] === "run" && c.argv.at(-1))).toEqual([
        "act-list-customers",
        "act-list-customers",
      ]);
    } finally {
      await server.stop();
    }
  });

  it("runs it when the person started the server with --confirm never", async () => {
    const { server, token, runs } = await serve(["--confirm", "never"]);
    try {
      const modern = await modernHttpClient(server.url, token);
      const result = await modern.callTool({ name: "send_transactional_email", arguments: SEND });
      expect(result.isError, resultText(result)).toBeFalsy();
      await modern.close();
      expect(runs()).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});
