/**
 * Confirmation by the person (issue #12), 2025-11-25 era in memory: a real SDK v1 Client that declares form
 * elicitation answers the server's `elicitation/create` as a person would, and the fixture CLI records
 * every call, so "nothing ran" is what the CLI saw, not what the server says. Both backends (the REST one
 * reaches the fixture's REST front, which records the same commands).
 */
import { ElicitRequestSchema, type ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Invocation, readRecords } from "../fixtures/records.js";
import {
  BACKENDS,
  type BackendName,
  fixtureCli,
  type InMemoryHarness,
  resultText,
  startInMemory,
  tempDir,
} from "../helpers/harness.js";

const SEND = { transactional_message_id: "welcome-7", to: "ada@example.com" };
const runs = (record: string) =>
  readRecords(record).filter((call: Invocation) => call.argv[0] === "action" && call.argv[1] === "run");
const requests = (record: string) => readRecords(record).filter((call) => call.argv[0] === "request");

let harness: InMemoryHarness | undefined;
/** The backend of the group being run (every group runs on both). */
let backend: BackendName = "cli";
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A server over the default fake scenario; `answer` plays the person (undefined: no elicitation). */
async function start(answer: ElicitResult | undefined, flags: string[] = []) {
  const record = `${tempDir()}/record.jsonl`;
  harness = await startInMemory(
    fixtureCli("fake-membrane", { FAKE_MEMBRANE_RECORD: record }),
    ["--no-cache", ...flags],
    answer ? { capabilities: { elicitation: { form: {} } }, backend } : { backend },
  );
  const asked: string[] = [];
  if (answer)
    harness.client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked.push(request.params.message);
      return answer;
    });
  return { client: harness.client, record, asked };
}

const ACCEPT: ElicitResult = { action: "accept", content: { confirm: true } };

describe.each(BACKENDS)("%s backend", (name) => {
  beforeAll(() => {
    backend = name;
  });

  describe("a client with elicitation", () => {
    it("asks before sending, shows the action and the exact input, and runs on accept", async () => {
      const { client, record, asked } = await start(ACCEPT);
      const result = await client.callTool({ name: "send_transactional_email", arguments: SEND });
      expect(result.isError, resultText(result)).toBeFalsy();
      expect(asked).toHaveLength(1);
      expect(asked[0]).toContain("Send Transactional Email");
      expect(asked[0]).toContain("act-send-email");
      expect(asked[0]).toContain(JSON.stringify(SEND, null, 2));
      expect(runs(record)).toHaveLength(1);
      expect(runs(record)[0]?.argv).toContain(`--input=${JSON.stringify(SEND)}`);
    });

    it("asks through run_action too", async () => {
      const { client, record, asked } = await start(ACCEPT);
      const result = await client.callTool({
        name: "run_action",
        arguments: { action: "send-transactional-email", input: SEND },
      });
      expect(result.isError, resultText(result)).toBeFalsy();
      expect(asked).toHaveLength(1);
      expect(runs(record)).toHaveLength(1);
    });

    for (const [answer, word] of [
      [{ action: "decline" }, "declined"],
      [{ action: "cancel" }, "cancelled"],
      [{ action: "accept", content: { confirm: false } }, "declined"],
    ] as const) {
      it(`runs nothing when the person answers ${JSON.stringify(answer)}`, async () => {
        const { client, record, asked } = await start(answer);
        const result = await client.callTool({ name: "send_transactional_email", arguments: SEND });
        expect(asked).toHaveLength(1);
        expect(result.isError).toBe(true);
        const text = resultText(result);
        expect(text).toContain(`the person ${word}`);
        expect(text).toContain("Nothing was sent");
        expect(text).toContain("Next step:");
        expect(runs(record)).toHaveLength(0);
      });
    }

    it("never asks for a read or a dry run", async () => {
      const { client, record, asked } = await start({ action: "decline" });
      const read = await client.callTool({ name: "list_customers", arguments: { limit: 2 } });
      expect(read.isError, resultText(read)).toBeFalsy();
      const dry = await client.callTool({
        name: "run_action",
        arguments: { action: "send_transactional_email", input: SEND, dry_run: true },
      });
      expect(dry.isError, resultText(dry)).toBeFalsy();
      expect(resultText(dry)).toContain("Dry run");
      expect(asked).toEqual([]);
      expect(runs(record).map((call) => call.argv.at(-1))).toEqual(["act-list-customers"]);
    });

    it("asks before a proxy_request DELETE or a send, not before a GET or another write", async () => {
      const { client, record, asked } = await start({ action: "decline" });
      const del = await client.callTool({
        name: "proxy_request",
        arguments: { method: "DELETE", path: "/v1/customers/42" },
      });
      expect(del.isError).toBe(true);
      expect(resultText(del)).toContain("the person declined DELETE /v1/customers/42");
      const send = await client.callTool({
        name: "proxy_request",
        arguments: { method: "POST", path: "/v1/send/email", body: { to: "ada@example.com" } },
      });
      expect(send.isError).toBe(true);
      expect(asked).toHaveLength(2);
      expect(asked[1]).toContain("ada@example.com");
      expect(requests(record)).toHaveLength(0);
      for (const args of [
        { method: "GET", path: "/v1/segments" },
        { method: "POST", path: "/v1/segments", body: { name: "VIPs" } },
      ]) {
        const result = await client.callTool({ name: "proxy_request", arguments: args });
        expect(result.isError, resultText(result)).toBeFalsy();
      }
      expect(asked).toHaveLength(2);
      expect(requests(record)).toHaveLength(2);
    });

    it("sends the proxy_request DELETE on accept", async () => {
      const { client, record, asked } = await start(ACCEPT);
      const result = await client.callTool({
        name: "proxy_request",
        arguments: { method: "DELETE", path: "/v1/customers/42" },
      });
      expect(result.isError, resultText(result)).toBeFalsy();
      expect(asked).toHaveLength(1);
      expect(requests(record)).toHaveLength(1);
      expect(requests(record)[0]?.argv.join(" ")).toMatch(/DELETE/);
    });

    it("does not ask with --confirm never", async () => {
      const { client, record, asked } = await start({ action: "decline" }, ["--confirm", "never"]);
      const result = await client.callTool({ name: "send_transactional_email", arguments: SEND });
      expect(result.isError, resultText(result)).toBeFalsy();
      expect(asked).toEqual([]);
      expect(runs(record)).toHaveLength(1);
    });
  });

  describe("a client without elicitation", () => {
    it("runs as today, with the description's guidance", async () => {
      const { client, record } = await start(undefined);
      const { tools } = await client.listTools();
      const runAction = tools.find((tool) => tool.name === "run_action");
      expect(runAction?.description).toMatch(/dry_run: true and confirm with the person/);
      const result = await client.callTool({ name: "send_transactional_email", arguments: SEND });
      expect(result.isError, resultText(result)).toBeFalsy();
      expect(runs(record)).toHaveLength(1);
    });
  });
});
