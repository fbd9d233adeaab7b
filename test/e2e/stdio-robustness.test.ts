/**
 * stdout belongs to JSON-RPC alone, whatever arrives on stdin and whatever the CLI prints: garbage lines,
 * malformed JSON-RPC and a CLI that prints JSON-RPC-looking junk never make the server crash, hang, or put
 * anything but JSON-RPC on stdout; and it still answers ping afterwards.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { FAULTY_SANDBOX_BIN, SERVER_BIN, tempDir } from "../helpers/harness.js";

interface Session {
  send(line: string): void;
  waitFor(id: number): Promise<Record<string, unknown>>;
  lines: string[];
  close(): Promise<number | null>;
}

function startRaw(args: string[], env: Record<string, string> = {}): Session {
  const child = spawn(process.execPath, [SERVER_BIN, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const lines: string[] = [];
  const waiters = new Map<number, (message: Record<string, unknown>) => void>();
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line);
    try {
      const message = JSON.parse(line) as Record<string, unknown>;
      const waiter = waiters.get(message["id"] as number);
      if (waiter) waiter(message);
    } catch {
      // Recorded; the test asserts every line parses.
    }
  });
  child.stderr.resume();
  return {
    lines,
    send: (line) => child.stdin.write(`${line}\n`),
    waitFor: (id) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to request ${id}`)), 20_000);
        waiters.set(id, (message) => {
          clearTimeout(timer);
          resolve(message);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        child.on("exit", (code) => resolve(code));
        child.stdin.end();
      }),
  };
}

const initialize = (id: number) =>
  JSON.stringify({
    jsonrpc: "2.0",
    id,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
  });

describe("stdio robustness", () => {
  it("survives garbage and malformed JSON-RPC, answering what the protocol wants", async () => {
    const session = startRaw(["--sandbox", "--no-cache"]);
    session.send(initialize(1));
    await session.waitFor(1);
    session.send(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
    for (const garbage of [
      "not json at all",
      "{",
      "[1,2,3]",
      '{"jsonrpc":"2.0"}',
      '{"jsonrpc":"1.0","id":5,"method":"ping"}',
      "\u0000\u0001\u0002",
      "null",
      '"a string"',
      " ",
      "{}".repeat(1000),
    ]) {
      session.send(garbage);
    }
    session.send(JSON.stringify({ jsonrpc: "2.0", id: 7, method: "no/such/method" }));
    const unknown = await session.waitFor(7);
    expect(unknown["error"]).toMatchObject({ code: -32601 });
    session.send(JSON.stringify({ jsonrpc: "2.0", id: 8, method: "tools/call", params: { name: 42 } }));
    const badParams = await session.waitFor(8);
    expect(badParams["error"]).toBeDefined();
    session.send(JSON.stringify({ jsonrpc: "2.0", id: 9, method: "ping" }));
    expect(await session.waitFor(9)).toMatchObject({ jsonrpc: "2.0", id: 9, result: {} });
    expect(await session.close()).toBe(0);
    expect(session.lines.length).toBeGreaterThan(0);
    for (const line of session.lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
  });

  it("never forwards what a misbehaving CLI prints", async () => {
    const session = startRaw(
      ["--membrane-cli", FAULTY_SANDBOX_BIN, "--no-cache", "--connection-id", "sandbox-customerio"],
      { CUSTOMERIO_SANDBOX_FAULT: "garbage", CUSTOMERIO_SANDBOX_STATE_DIR: tempDir() },
    );
    session.send(initialize(1));
    await session.waitFor(1);
    session.send(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
    session.send(
      JSON.stringify({
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "proxy_request", arguments: { method: "GET", path: "/v1/x" } },
      }),
    );
    const result = (await session.waitFor(2))["result"] as {
      isError?: boolean;
      content: Array<{ text: string }>;
    };
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toMatch(/not JSON/);
    session.send(
      JSON.stringify({
        jsonrpc: "2.0",
        id: 3,
        method: "tools/call",
        params: { name: "run_action", arguments: { action: "a" } },
      }),
    );
    expect(((await session.waitFor(3))["result"] as { isError?: boolean }).isError).toBe(true);
    session.send(JSON.stringify({ jsonrpc: "2.0", id: 4, method: "ping" }));
    await session.waitFor(4);
    await session.close();
    const ids = session.lines
      .map((line) => (JSON.parse(line) as { id?: number }).id)
      .filter((id) => id !== undefined);
    expect(ids).toEqual([1, 2, 3, 4]);
  });
});
