/**
 * Issue #18, finding 9: a stdio message over the SDK's 10 MiB read buffer used to end the server with exit 0
 * and no word. Now the client gets a JSON-RPC error (id null) and stderr says what happened before the
 * process ends, with a non-zero exit code; stdout carries nothing but JSON-RPC.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { FAKE_MEMBRANE } from "../fixtures/paths.js";
import { SERVER_BIN } from "../helpers/harness.js";

describe("an oversized stdio message", () => {
  it("is answered with an error and logged on stderr before the server exits", async () => {
    const child = spawn(process.execPath, [SERVER_BIN, "--membrane-cli", FAKE_MEMBRANE, "--no-cache"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const big = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: {
        name: "proxy_request",
        arguments: { method: "POST", path: "/v1/x", body: "x".repeat(11 * 1024 * 1024) },
      },
    });
    // The server stops reading once the buffer is full: the rest of the write meets a closed pipe.
    child.stdin.on("error", () => {});
    child.stdin.write(`${big}\n`);
    const code = await exited;
    const lines = stdout.split("\n").filter((line) => line.length > 0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({
        id: null,
        error: expect.objectContaining({ message: expect.stringMatching(/larger than 10 MiB/) }),
      }),
    );
    expect(stderr).toMatch(/larger than 10 MiB/);
    expect(code).not.toBe(0);
  }, 30_000);
});
