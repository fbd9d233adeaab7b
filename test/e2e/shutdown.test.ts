/**
 * The built server (dist, over stdio) leaves nothing behind: SIGTERM, SIGINT or SIGHUP during a running call
 * kill every CLI process (the fault bin's hang: group leader and helper, both ignoring SIGTERM) before the
 * server exits, and a daemonized helper still holding a CLI's pipes; --sandbox leaves no folder behind (its
 * workspace is in memory); a request too large for the command line never reaches stderr with its values.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../fixtures/paths.js";
import { isAlive, killAll, pidsIn, waitFor } from "../fixtures/process-probe.js";
import {
  FAULTY_SANDBOX_BIN,
  resultText,
  type StdioHarness,
  startStdio,
  tempDir,
} from "../helpers/harness.js";

/** The server's pid (read it before closing: the transport forgets it then). */
function serverPid(server: StdioHarness): number {
  const pid = server.transport.pid;
  if (pid === null) throw new Error("the server has no pid");
  return pid;
}

const sandboxFolders = (tmp: string) =>
  readdirSync(tmp).filter((name) => name.startsWith("customerio-mcp-sandbox"));

// The three signals at once: each test has its own server, CLI processes and pid folder, and spends most of
// its time waiting (for the CLI to start, for the shutdown's SIGTERM-then-SIGKILL grace).
describe.concurrent("server shutdown on a signal", () => {
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
    it(`${signal} during a call kills the CLI's whole process group before the server exits`, async ({
      expect,
    }) => {
      const pidDir = tempDir();
      const server = await startStdio(
        [
          "--membrane-cli",
          FAULTY_SANDBOX_BIN,
          "--connection-id",
          "sandbox-customerio",
          "--no-cache",
          "--timeout",
          "30",
        ],
        {
          CUSTOMERIO_SANDBOX_STATE_DIR: tempDir(),
          CUSTOMERIO_SANDBOX_FAULT: "hang",
          CUSTOMERIO_SANDBOX_PID_DIR: pidDir,
          CUSTOMERIO_SANDBOX_HANG_COMMANDS: "request",
        },
      );
      try {
        const call = server.client
          .callTool({ name: "proxy_request", arguments: { method: "GET", path: "/v1/segments" } })
          .catch((error: unknown) => error);
        await waitFor(() => pidsIn(pidDir).length === 2, 10_000);
        const pids = pidsIn(pidDir);
        expect(pids.every(isAlive)).toBe(true);
        const pid = serverPid(server);
        process.kill(pid, signal);
        await waitFor(() => !isAlive(pid), 3000);
        await waitFor(() => pids.every((pid) => !isAlive(pid)), 1000);
        expect(await call).toBeInstanceOf(Error);
      } finally {
        killAll(pidsIn(pidDir));
        await server.close();
      }
    }, 20_000);
  }
});

describe("server shutdown", () => {
  for (const how of ["closed", "SIGTERM"] as const) {
    it(`--sandbox leaves no state folder behind when ${how} (its workspace is in memory)`, async () => {
      const tmp = tempDir();
      const server = await startStdio(["--sandbox", "--no-cache"], { TMPDIR: tmp });
      const status = await server.client.callTool({ name: "connection_status", arguments: {} });
      expect(resultText(status)).toContain("sandbox");
      const created = await server.client.callTool({
        name: "run_action",
        arguments: { action: "create-customer", input: { id: "kept_1", email: "kept@example.com" } },
      });
      expect(created.isError, resultText(created)).toBeFalsy();
      expect(sandboxFolders(tmp)).toEqual([]);
      const pid = serverPid(server);
      if (how === "SIGTERM") process.kill(pid, "SIGTERM");
      else await server.close();
      await waitFor(() => !isAlive(pid), 3000);
      expect(sandboxFolders(tmp)).toEqual([]);
      await server.close();
    }, 20_000);
  }

  it("logs a request too large for the command line without its values", async () => {
    const server = await startStdio(
      ["--membrane-cli", fixturePath("fake-membrane"), "--connection-id", "conn-1", "--no-cache"],
      {},
    );
    try {
      const query = Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`k${i}`, `value${i}-`.repeat(10_000)]),
      );
      const result = await server.client.callTool({
        name: "proxy_request",
        arguments: { method: "GET", path: "/v1/segments", query },
      });
      expect(result.isError).toBe(true);
      expect(resultText(result).length).toBeLessThan(500);
    } finally {
      await server.close();
    }
    expect(server.stderr()).not.toContain("value1-");
    expect(server.stderr().length).toBeLessThan(2000);
  }, 20_000);
});
