/**
 * Confirmation by the person (issue #12), 2026-07-28 era: a real SDK v2 Client pinned to 2026-07-28 that
 * answers the `input_required` result's form elicitation as a person would, and the fixture CLI recording
 * every call it gets. Every case runs in memory (the server served as over stdio, the fake in this process);
 * the one that asks and runs also runs over each wire: stdio (the built server) and stateless HTTP.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type ElicitResult, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_MEMBRANE } from "../fixtures/paths.js";
import { readRecords } from "../fixtures/records.js";
import { fixtureCli, resultText, SERVER_BIN, startModernInMemory, tempDir } from "../helpers/harness.js";
import { MODERN, startHttpServer } from "../helpers/http.js";

const SEND = { transactional_message_id: "welcome-7", to: "ada@example.com" };

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

type Wire = "memory" | "stdio";

/** `answer` plays the person; undefined: a client that declares no elicitation. */
async function start(answer: ElicitResult | undefined, wire: Wire = "memory") {
  const record = `${tempDir()}/record.jsonl`;
  client = new Client(
    { name: "modern-confirm-test", version: "1.0.0" },
    {
      versionNegotiation: { mode: { pin: MODERN } },
      capabilities: answer ? { elicitation: { form: {} } } : {},
    },
  );
  const asked: string[] = [];
  if (answer)
    client.setRequestHandler("elicitation/create", async (request) => {
      asked.push((request.params as { message: string }).message);
      return answer;
    });
  if (wire === "memory")
    await startModernInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_RECORD: record }),
      ["--no-cache"],
      client,
    );
  else
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [SERVER_BIN, "--membrane-cli", FAKE_MEMBRANE, "--no-cache"],
        env: {
          PATH: process.env["PATH"] ?? "",
          HOME: process.env["HOME"] ?? tmpdir(),
          FAKE_MEMBRANE_RECORD: record,
        },
        stderr: "pipe",
      }),
    );
  expect(client.getProtocolEra()).toBe("modern");
  const runs = () =>
    readRecords(record).filter((call) => call.argv[0] === "action" && call.argv[1] === "run");
  return { client, asked, runs };
}

describe("2026-07-28: confirmation through input_required", () => {
  it.each(["memory", "stdio"] as const)("asks with the exact input and runs on accept (%s)", async (wire) => {
    const { client, asked, runs } = await start({ action: "accept", content: { confirm: true } }, wire);
    const result = await client.callTool({ name: "send_transactional_email", arguments: SEND });
    expect(result.isError, resultText(result)).toBeFalsy();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain("Send Transactional Email");
    expect(asked[0]).toContain(JSON.stringify(SEND, null, 2));
    expect(runs()).toHaveLength(1);
  });

  it("runs nothing on decline, and says so", async () => {
    const { client, asked, runs } = await start({ action: "decline" });
    const result = await client.callTool({
      name: "run_action",
      arguments: { action: "send-transactional-email", input: SEND },
    });
    expect(asked).toHaveLength(1);
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("the person declined");
    expect(resultText(result)).toContain("Nothing was sent");
    expect(runs()).toHaveLength(0);
  });

  it("never asks for a read", async () => {
    const { client, asked, runs } = await start({ action: "decline" });
    const result = await client.callTool({ name: "list_customers", arguments: { limit: 2 } });
    expect(result.isError, resultText(result)).toBeFalsy();
    expect(asked).toEqual([]);
    expect(runs()).toHaveLength(1);
  });

  it("runs as today for a client without elicitation", async () => {
    const { client, runs } = await start(undefined);
    const result = await client.callTool({ name: "send_transactional_email", arguments: SEND });
    expect(result.isError, resultText(result)).toBeFalsy();
    expect(runs()).toHaveLength(1);
  });
});

describe("2026-07-28 over Streamable HTTP (stateless, --allow-writes)", () => {
  it("asks, then runs on accept and runs nothing on decline", async () => {
    const record = `${tempDir()}/record.jsonl`;
    const server = await startHttpServer(["--membrane-cli", FAKE_MEMBRANE, "--no-cache", "--allow-writes"], {
      FAKE_MEMBRANE_RECORD: record,
    });
    try {
      const token = readFileSync(join(server.configDir, "customerio-mcp", "http-token"), "utf8").trim();
      const runs = () =>
        readRecords(record).filter((call) => call.argv[0] === "action" && call.argv[1] === "run");
      for (const [answer, ran] of [
        [{ action: "decline" }, 0],
        [{ action: "accept", content: { confirm: true } }, 1],
      ] as const) {
        const asked: string[] = [];
        client = new Client(
          { name: "modern-http-confirm-test", version: "1.0.0" },
          { versionNegotiation: { mode: { pin: MODERN } }, capabilities: { elicitation: { form: {} } } },
        );
        client.setRequestHandler("elicitation/create", async (request) => {
          asked.push((request.params as { message: string }).message);
          return answer;
        });
        await client.connect(
          new StreamableHTTPClientTransport(new URL(server.url), {
            requestInit: { headers: { Authorization: `Bearer ${token}` } },
          }),
        );
        const result = await client.callTool({ name: "send_transactional_email", arguments: SEND });
        expect(result.isError ?? false, resultText(result)).toBe(ran === 0);
        expect(asked).toHaveLength(1);
        expect(runs()).toHaveLength(ran);
        await client.close();
        client = undefined;
      }
    } finally {
      await server.stop();
    }
  });
});
