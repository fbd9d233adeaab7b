/**
 * The REST backend end to end through a real MCP client, against the sandbox's REST face in process (the
 * backend's injected fetch; the global fetch is never touched): the same answers as the CLI backend over the
 * same workspace, Membrane's failures as the same error kinds (refused token, 429 retried after Retry-After,
 * 5xx, timeout, cancellation), the token's life (minted by the CLI once, renewed once after a 401, a given
 * one never refreshed, an admin one refused) and what connection_status says, never the token itself.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/log.js";
import { buildApiBackend } from "../../src/membrane/api/build.js";
import { GivenToken, MintedToken } from "../../src/membrane/api/token.js";
import { MembraneCli } from "../../src/membrane/cli/cli.js";
import { runnerOver } from "../../src/sandbox/launch.js";
import { mintSandboxToken, newSecret } from "../../src/sandbox/rest/token.js";
import type { FaultSettings } from "../fixtures/faulty-sandbox/faults.js";
import { faultyRestApi } from "../fixtures/faulty-sandbox/rest-faults.js";
import { restOfSandbox, withRest } from "../helpers/backends.js";
import { quickClock } from "../helpers/clocks.js";
import {
  type InMemoryHarness,
  resultJson,
  resultText,
  sandboxRunner,
  startInMemory,
} from "../helpers/harness.js";

const CONNECTION = ["--no-cache", "--connection-id", "sandbox-customerio"];
let harness: InMemoryHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/**
 * A sandbox in this process (with `faults` on its REST face: test/fixtures/faulty-sandbox/rest-faults.ts),
 * its CLI face as the runner and its REST face behind a fetch that counts what it is sent.
 */
function sandboxWithCounter(faults = "", settings: Omit<FaultSettings, "faults"> = {}) {
  const api = faultyRestApi(faults, settings);
  const cli = withRest(runnerOver(api.sandbox), () => restOfSandbox(api));
  const sent: Request[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const request = new Request(url, init);
    sent.push(request);
    return api.handler(request);
  };
  return { cli, api, sent, fetch };
}

const call = (name: string, args: Record<string, unknown> = {}) =>
  harness!.client.callTool({ name, arguments: args });

describe("the REST backend", () => {
  it("answers as the CLI backend does, over the same workspace", async () => {
    // One sandbox behind both servers: its CLI face for one, its REST face for the other.
    const cli = sandboxRunner();
    const viaCli = await startInMemory(cli, CONNECTION);
    const viaApi = await startInMemory(cli, CONNECTION, { backend: "api" });
    try {
      for (const [name, args] of [
        ["list_customers", {}],
        ["run_action", { action: "list-segments", input: {} }],
        ["proxy_request", { method: "GET", path: "/v1/segments", query: { limit: 2 } }],
      ] as const) {
        const fromCli = await viaCli.client.callTool({ name, arguments: args });
        const fromApi = await viaApi.client.callTool({ name, arguments: args });
        expect(fromApi.isError, resultText(fromApi)).toBeFalsy();
        // Equal but for the run's own id, which Membrane (and the sandbox) makes new for every run.
        const sameRun = (text: string) => text.replace(/run_[0-9a-f]{24}/g, "run_…");
        const data = (result: unknown) =>
          sameRun(resultText({ content: [(result as CallToolResult).content[0]] }));
        expect(data(fromApi), name).toBe(data(fromCli));
        // What the REST API does not say about a raw request, the result says; the CLI's result does not.
        const bodyOnly = /external app's status and headers are not part/;
        if (name === "proxy_request") {
          expect(resultText(fromApi)).toMatch(bodyOnly);
          expect(resultText(fromCli)).not.toMatch(bodyOnly);
        }
      }
    } finally {
      await viaCli.close();
      await viaApi.close();
    }
  }, 60_000);

  it("retries a 429 after its Retry-After and then succeeds", async () => {
    const clock = quickClock();
    const { cli, fetch, sent } = sandboxWithCounter("rate-limit", { failTimes: 1 });
    harness = await startInMemory(cli, CONNECTION, { backend: "api", clock, api: { fetch }, start: false });
    const result = await call("proxy_request", { method: "GET", path: "/v1/segments" });
    expect(result.isError, resultText(result)).toBeFalsy();
    expect(clock.sleeps).toContain(1000);
    expect(sent.filter((request) => new URL(request.url).pathname === "/act")).toHaveLength(2);
  });

  it("does not repeat a write that met a 503, and says what happened", async () => {
    const clock = quickClock();
    const { cli, fetch, sent } = sandboxWithCounter("server-error");
    harness = await startInMemory(cli, CONNECTION, { backend: "api", clock, api: { fetch }, start: false });
    const result = await call("proxy_request", { method: "POST", path: "/v1/segments", body: { name: "x" } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("HTTP 503");
    expect(sent.filter((request) => new URL(request.url).pathname === "/act")).toHaveLength(1);
  });

  it("stops a call at the timeout, and a cancelled one at once", async () => {
    const { cli, fetch } = sandboxWithCounter("slow", { delayMs: 4000 });
    harness = await startInMemory(cli, [...CONNECTION, "--timeout", "1"], { backend: "api", api: { fetch } });
    const late = await call("proxy_request", { method: "GET", path: "/v1/segments" });
    expect(late.isError).toBe(true);
    expect(resultText(late)).toMatch(/did not answer POST \/act within 1 s/);

    const aborted: string[] = [];
    const watching = async (url: string, init: RequestInit) => {
      init.signal?.addEventListener("abort", () => aborted.push(new URL(url).pathname));
      return fetch(url, init);
    };
    await harness.close();
    harness = await startInMemory(cli, CONNECTION, { backend: "api", api: { fetch: watching } });
    const controller = new AbortController();
    const pending = harness.client.callTool(
      { name: "proxy_request", arguments: { method: "GET", path: "/v1/segments" } },
      undefined,
      { signal: controller.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect.poll(() => aborted).toContain("/act");
    expect((await harness.client.ping()) ?? {}).toEqual({});
  }, 30_000);

  it("reports a refused token as not logged in, with what to do, and no secret", async () => {
    const { cli, fetch } = sandboxWithCounter("not-logged-in");
    harness = await startInMemory(cli, ["--no-cache"], { backend: "api", api: { fetch }, start: false });
    const status = resultJson<{ loggedIn: boolean | null; problems: string[]; nextStep: string | null }>(
      await call("connection_status"),
    );
    expect(status.loggedIn).toBe(false);
    expect(status.problems.join(" ")).toMatch(/Membrane refused the token \(HTTP 401\)/);
    expect(status.nextStep).toMatch(/membrane login --tenant/);
  });

  it("renews a minted token once after a 401, then succeeds", async () => {
    const { cli, api, fetch } = sandboxWithCounter();
    let mints = 0;
    const stale = mintSandboxToken(newSecret()); // Signed with another secret: the face refuses it.
    const tokens = new MintedToken(async () => (++mints === 1 ? stale : api.mintToken()), "test");
    harness = await startInMemory(cli, CONNECTION, { backend: "api", api: { fetch, tokens }, start: false });
    const result = await call("proxy_request", { method: "GET", path: "/v1/segments" });
    expect(result.isError, resultText(result)).toBeFalsy();
    expect(mints).toBe(2);
  });

  it("never refreshes a given token (MEMBRANE_TOKEN): a refusal says to replace it", async () => {
    const { cli, fetch, sent } = sandboxWithCounter();
    const tokens = new GivenToken(mintSandboxToken(newSecret()));
    harness = await startInMemory(cli, CONNECTION, { backend: "api", api: { fetch, tokens }, start: false });
    const result = await call("proxy_request", { method: "GET", path: "/v1/segments" });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("MEMBRANE_TOKEN");
    expect(sent).toHaveLength(1);
  });

  it("refuses a workspace-admin token before sending anything", async () => {
    const { cli, api, fetch, sent } = sandboxWithCounter();
    const secret = api.sandbox.tokenSecret();
    const tokens = new MintedToken(async () => mintSandboxToken(secret, { isAdmin: true }), "test");
    harness = await startInMemory(cli, CONNECTION, { backend: "api", api: { fetch, tokens }, start: false });
    const result = await call("proxy_request", { method: "GET", path: "/v1/segments" });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toMatch(/workspace-admin token \(isAdmin: true\)/);
    expect(sent).toHaveLength(0);
  });

  it("mints its token with `membrane token` through the CLI it found, once, and keeps it out of results", async () => {
    const { cli, api, sent } = sandboxWithCounter();
    // No token source given: the default one runs the CLI's `token` command (the same sandbox's CLI face).
    harness = await startInMemory(cli, CONNECTION, {
      backend: "api",
      api: { fetch: api.fetch, tokens: undefined },
    });
    const status = resultJson<{ backend: Record<string, unknown>; loggedIn: boolean }>(
      await call("connection_status"),
    );
    const run = await call("list_customers");
    expect(run.isError, resultText(run)).toBeFalsy();
    expect(status.loggedIn).toBe(true);
    expect(status.backend).toMatchObject({
      kind: "api",
      apiUrl: "http://membrane-test.invalid",
      apiVersion: "2025-10-21",
    });
    expect(String(status.backend["tokenSource"])).toContain("`membrane token`");
    expect(Date.parse(String(status.backend["tokenExpiresAt"]))).toBeGreaterThan(Date.now());
    expect(sent).toHaveLength(0); // The counter's fetch was replaced: the face was called directly.
    const text = `${resultText(run)}${JSON.stringify(status)}`;
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
  });

  it("never writes the token in a log line (debug included) or an error", async () => {
    const { cli, api } = sandboxWithCounter("server-error");
    const lines: string[] = [];
    const log: Logger = {
      debug: (message, data) => lines.push(`${message} ${JSON.stringify(data ?? {})}`),
      info: (message) => lines.push(message),
      warning: (message) => lines.push(message),
      error: (message) => lines.push(message),
    };
    const minted: string[] = [];
    const tokens = new MintedToken(async () => {
      minted.push(await api.mintToken());
      return minted.at(-1) ?? "";
    }, "test");
    const settings = { membraneApiUrl: "http://membrane-test.invalid", timeoutSeconds: 10 };
    const membraneCli = new MembraneCli(cli, {
      timeoutMs: 10_000,
      maxConcurrent: 1,
      maxOutputBytes: 1e6,
      log,
    });
    const backend = buildApiBackend(settings, membraneCli, log, { fetch: api.fetch, tokens });
    const connections = await backend.listConnections();
    const failed = await backend
      .runAction(connections[0]?.id ?? "", "list-customers", {})
      .catch((e: Error) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(lines.length).toBeGreaterThan(1);
    const seen = `${lines.join("\n")}${String(failed)}${JSON.stringify(failed)}${JSON.stringify(backend.facts())}`;
    expect(minted).toHaveLength(1);
    expect(seen).not.toContain(minted[0]);
  });

  it("cuts a search longer than Membrane's 200 characters at a word", async () => {
    const { cli, fetch, sent } = sandboxWithCounter();
    harness = await startInMemory(cli, CONNECTION, { backend: "api", api: { fetch }, start: false });
    const query = `${"customer segment ".repeat(20)}attributes`;
    const result = await call("search_actions", { query });
    expect(result.isError, resultText(result)).toBeFalsy();
    const intent = new URL(sent.at(-1)?.url ?? "").searchParams.get("intent") ?? "";
    expect(intent.length).toBeLessThanOrEqual(200);
    expect(query.startsWith(intent)).toBe(true);
    expect(query[intent.length]).toBe(" ");
  });
});
