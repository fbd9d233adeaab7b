/**
 * What stands in front of the HTTP endpoint, tested with raw requests against the built server: the
 * bearer token (401 with WWW-Authenticate, constant-time, never in a URL, never printed), the Host and
 * Origin guards (403), the body limit (413), read-only by default, and the refusal to start exposed.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultJson, SERVER_BIN, tempDir } from "../helpers/harness.js";
import { type HttpServerProcess, legacyHttpClient, startHttpServer } from "../helpers/http.js";

const TOKEN = "test-token-0123456789-abcdefghij";
const INIT = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

function post(url: string, headers: Record<string, string>, body: unknown = INIT) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("the HTTP endpoint with a token", () => {
  let server: HttpServerProcess;
  beforeAll(async () => {
    server = await startHttpServer(["--sandbox", "--no-cache"], { CUSTOMERIO_MCP_HTTP_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("answers with the right token", async () => {
    const response = await post(server.url, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
  });

  it("refuses a missing or wrong token with 401 and WWW-Authenticate", async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const response = await post(server.url, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
  });

  it("never takes the token from the query string", async () => {
    const response = await post(`${server.url}?access_token=${TOKEN}`, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(400);
    expect((await post(`${server.url}?access_token=${TOKEN}`, {})).status).toBe(400);
  });

  it("refuses a foreign Origin and a foreign Host with 403", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await post(server.url, { ...auth, origin: "https://evil.example" })).status).toBe(403);
    expect((await post(server.url, { ...auth, origin: "http://localhost:5173" })).status).toBe(200);
    // fetch cannot set Host: a DNS-rebinding page's requests carry its own name, as this one does.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        server.url,
        { method: "POST", headers: { host: "evil.example", ...auth, "content-type": "application/json" } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      request.end(JSON.stringify(INIT));
    });
    expect(status).toBe(403);
  });

  it("refuses a body over the limit with 413", async () => {
    const big = JSON.stringify({ ...INIT, padding: "x".repeat(2 * 1024 * 1024) });
    expect((await post(server.url, { authorization: `Bearer ${TOKEN}` }, big)).status).toBe(413);
  });

  it("is read-only unless writes are allowed, and says so", async () => {
    const client = await legacyHttpClient(server.url, TOKEN);
    try {
      const { tools } = await client.listTools();
      expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
      const status = await client.callTool({ name: "connection_status", arguments: {} });
      const data = resultJson<{ readOnly: boolean; actsAs: { transport: string; osUser: string } }>(status);
      expect(data.readOnly).toBe(true);
      expect(data.actsAs.transport).toBe("http");
      expect(data.actsAs.osUser.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it("never prints the token", async () => {
    await post(server.url, { authorization: `Bearer ${TOKEN}-wrong` });
    expect(server.stderr()).not.toContain(TOKEN);
  });
});

describe("starting exposed", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [SERVER_BIN, "--transport", "http", "--sandbox", ...args], {
      env: { PATH: process.env["PATH"] ?? "", XDG_CONFIG_HOME: tempDir(), ...env },
      encoding: "utf8",
      timeout: 15_000,
    });

  it.each([
    [["--host", "0.0.0.0"], {}, /needs a bearer token/],
    [["--host", "0.0.0.0", "--no-auth"], {}, /--no-auth is only allowed on a loopback host/],
    [["--host", "0.0.0.0"], { CUSTOMERIO_MCP_HTTP_TOKEN: TOKEN }, /needs --allowed-hosts/],
  ])("refuses %j with one clear line", (args, env, message) => {
    const result = run(args, env);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it("refuses a token file others can read", () => {
    const file = join(tempDir(), "token");
    writeFileSync(file, TOKEN);
    chmodSync(file, 0o644);
    const result = run(["--port", "0", "--token-file", file]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/readable by others/);
    expect(result.stderr).not.toContain(TOKEN);
  });
});
