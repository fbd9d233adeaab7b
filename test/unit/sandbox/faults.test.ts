/**
 * The sandbox's fault switches (CUSTOMERIO_SANDBOX_FAULT), each met by the server's own adapter
 * (MembraneCli, MembraneClient, ConnectionResolver) as a real misbehaving Membrane CLI would be.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { MembraneCli } from "../../../src/membrane/cli.js";
import { MembraneClient } from "../../../src/membrane/client.js";
import { ConnectionResolver } from "../../../src/membrane/connection.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { BIN, CONNECTION, freshStateDir, sandbox } from "./helpers.js";

let stateDir: string;
beforeEach(async () => {
  stateDir = await freshStateDir();
});

function client(fault: string, env: Record<string, string> = {}, timeoutMs = 20_000): MembraneClient {
  const cli = new MembraneCli(
    {
      command: process.execPath,
      args: [BIN],
      env: { CUSTOMERIO_SANDBOX_STATE_DIR: stateDir, CUSTOMERIO_SANDBOX_FAULT: fault, ...env },
      display: "sandbox",
    },
    { timeoutMs, maxConcurrent: 2, maxOutputBytes: 1_000_000, log: silentLogger },
  );
  return new MembraneClient(cli, silentLogger);
}

const run = (membrane: MembraneClient) => membrane.runAction(CONNECTION, "list-segments", {});
const resolve = (fault: string) => new ConnectionResolver(client(fault), undefined).resolve();
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("sandbox faults", () => {
  it("refuses an unknown fault name, and always answers --version", async () => {
    const bad = await sandbox(stateDir, ["connection", "list", "--json"], {
      CUSTOMERIO_SANDBOX_FAULT: "nope",
    });
    expect([bad.exitCode, bad.stderr]).toEqual([
      2,
      expect.stringContaining("unknown CUSTOMERIO_SANDBOX_FAULT"),
    ]);
    const version = await sandbox(stateDir, ["--version"], { CUSTOMERIO_SANDBOX_FAULT: "hang" });
    expect(version.exitCode).toBe(0);
  });

  it("not-logged-in, rate-limit and error-exit-0 fail the way the adapter recognises", async () => {
    await expect(client("not-logged-in").listConnections()).rejects.toMatchObject({ kind: "not-logged-in" });
    await expect(run(client("rate-limit"))).rejects.toMatchObject({ status: 429, retryAfterSeconds: 1 });
    // Exit 0 with an error envelope is a failure that keeps the upstream message and status.
    await expect(run(client("error-exit-0"))).rejects.toMatchObject({
      kind: "exit",
      status: 500,
      message: expect.stringContaining("Upstream request failed"),
    });
  });

  it("no, two and reconnect-needed connections lead the resolver to say what to do", async () => {
    await expect(resolve("no-connection")).rejects.toThrow("There is no Customer.io connection");
    await expect(resolve("two-connections")).rejects.toThrow("Several Customer.io connections are ready");
    await expect(resolve("reconnect-needed")).rejects.toMatchObject({
      hint: expect.stringContaining("https://console.example/connect/sandbox"),
    });
    await expect(run(client("reconnect-needed"))).rejects.toMatchObject({ status: 409 });
  });

  it("garbage is bad output, huge is too large, crash is an exit with the stack's message", async () => {
    await expect(client("garbage").listConnections()).rejects.toMatchObject({ kind: "bad-output" });
    const huge = client("huge", { CUSTOMERIO_SANDBOX_HUGE_BYTES: "3000000" });
    await expect(huge.listConnections()).rejects.toMatchObject({ kind: "too-large" });
    await expect(client("crash").listConnections()).rejects.toMatchObject({ kind: "exit", exitCode: 1 });
  });

  it("hang is stopped at the deadline with its whole process tree", async () => {
    const pidFile = path.join(stateDir, "pids");
    const membrane = client("hang", { CUSTOMERIO_SANDBOX_PID_FILE: pidFile }, 2_000);
    await expect(membrane.listConnections()).rejects.toMatchObject({ kind: "timeout" });
    expect(existsSync(pidFile)).toBe(true);
    const pids = readFileSync(pidFile, "utf8").trim().split("\n").map(Number);
    expect(pids).toHaveLength(2);
    await expect.poll(() => pids.filter(isAlive), { timeout: 5_000 }).toEqual([]);
  });

  it("slow-pages delays each action list page", async () => {
    const started = Date.now();
    const listing = await client("slow-pages", { CUSTOMERIO_SANDBOX_PAGE_DELAY_MS: "700" }).listAllActions(
      CONNECTION,
    );
    expect(listing.pages).toBeGreaterThan(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700 * listing.pages);
  });
});
