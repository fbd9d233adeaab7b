/**
 * Both protocol eras, both transports, one built server: a 2025-11-25 client (SDK v1) and a 2026-07-28
 * client (SDK v2, pinned) each list and call tools over stdio and over HTTP, against the sandbox.
 */
import { readFileSync } from "node:fs";
import { LOG_LEVEL_META_KEY } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultJson, startStdio } from "../helpers/harness.js";
import {
  type HttpServerProcess,
  legacyHttpClient,
  modernHttpClient,
  modernStdioClient,
  startHttpServer,
} from "../helpers/http.js";

const SANDBOX = ["--sandbox", "--no-cache"];
type Lister = { listTools(): Promise<{ tools: Array<{ name: string }> } & Record<string, unknown>> };
type Caller = { callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown> };

async function listAndCall(client: Lister & Caller) {
  const listed = await client.listTools();
  expect(listed.tools.map((tool) => tool.name)).toContain("search_actions");
  const result = (await client.callTool({
    name: "search_actions",
    arguments: { query: "list people", limit: 3 },
  })) as { isError?: boolean };
  expect(result.isError).toBeFalsy();
  expect(JSON.stringify(resultJson(result))).toMatch(/customer/i);
  return listed;
}

describe("stdio", () => {
  it("serves a 2025-11-25 client", async () => {
    const harness = await startStdio(SANDBOX);
    try {
      const listed = await listAndCall(harness.client);
      expect(listed).not.toHaveProperty("ttlMs");
    } finally {
      await harness.close();
    }
  });

  it("serves a 2026-07-28 client, with the tool list's cache fields", async () => {
    const client = await modernStdioClient(SANDBOX);
    try {
      expect(client.getProtocolEra()).toBe("modern");
      const listed = await listAndCall(client);
      expect(listed["cacheScope"]).toBe("private");
      expect(typeof listed["ttlMs"]).toBe("number");
    } finally {
      await client.close();
    }
  });
});

describe("logging to a 2026-07-28 client", () => {
  it("sends log messages only for a request whose _meta asks for them", async () => {
    const client = await modernStdioClient(SANDBOX);
    try {
      const messages: Array<{ level: string; data: unknown }> = [];
      client.setNotificationHandler("notifications/message", (notification) => {
        messages.push(notification.params as { level: string; data: unknown });
      });
      const args = { query: "list people", limit: 3 };
      await client.callTool({ name: "search_actions", arguments: args });
      expect(messages).toEqual([]);
      await client.callTool({
        name: "search_actions",
        arguments: args,
        _meta: { [LOG_LEVEL_META_KEY]: "debug" },
      });
      await expect
        .poll(() => messages.filter((message) => message.level === "debug").length)
        .toBeGreaterThan(0);
      expect(messages.some((message) => JSON.stringify(message.data).includes("membrane"))).toBe(true);
    } finally {
      await client.close();
    }
  });
});

describe("Streamable HTTP", () => {
  let server: HttpServerProcess;
  let token: string;
  beforeAll(async () => {
    server = await startHttpServer(SANDBOX);
    token = readFileSync(server.tokenFile(), "utf8").trim();
  });
  afterAll(async () => {
    await server.stop();
  });

  it("serves a 2025-11-25 client without a session id", async () => {
    const client = await legacyHttpClient(server.url, token);
    try {
      await listAndCall(client);
      expect((client.transport as { sessionId?: string } | undefined)?.sessionId).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it("serves a 2026-07-28 client", async () => {
    const client = await modernHttpClient(server.url, token);
    try {
      expect(client.getProtocolEra()).toBe("modern");
      const listed = await listAndCall(client);
      expect(listed["cacheScope"]).toBe("private");
    } finally {
      await client.close();
    }
  });

  it("never prints the token", () => {
    expect(server.stderr()).toContain("http-token");
    expect(server.stderr()).not.toContain(token);
  });
});
