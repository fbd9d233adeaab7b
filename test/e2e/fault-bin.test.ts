/**
 * The fault bin (test/.build, CUSTOMERIO_SANDBOX_FAULT) as a process, for what only a process shows: the
 * bin's wiring of the faults (env, unknown names, --version), the hang's SIGTERM-proof process tree and its
 * detached helper, output beyond a pipe's buffer, stdin, concurrent counting across processes, and the
 * adapter (MembraneCli through the real ProcessRunner) stopping a hung tree or refusing a huge output.
 * The same faults' answers in process are test/fixtures/faulty-sandbox/faults.test.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { execa, type Options } from "execa";
import { beforeEach, describe, expect, it } from "vitest";
import { MembraneCli } from "../../src/membrane/cli/cli.js";
import { CliBackend } from "../../src/membrane/cli/cli-backend.js";
import { CRASH_TOKEN } from "../fixtures/faulty-sandbox/process-faults.js";
import { isAlive, killAll, waitFor } from "../fixtures/process-probe.js";
import { readCallCount } from "../fixtures/records.js";
import { FAULTY_SANDBOX_BIN as BIN } from "../helpers/harness.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { CONNECTION, freshStateDir } from "../unit/sandbox/helpers.js";

let stateDir: string;
beforeEach(async () => {
  stateDir = await freshStateDir();
});

/** The adapter over the fault bin as a process, with `fault` on and `env` for the bin. */
function client(fault: string, env: Record<string, string> = {}, timeoutMs = 20_000): CliBackend {
  const cli = new MembraneCli(
    {
      command: process.execPath,
      args: [BIN],
      env: { CUSTOMERIO_SANDBOX_STATE_DIR: stateDir, CUSTOMERIO_SANDBOX_FAULT: fault, ...env },
      display: "sandbox",
    },
    { timeoutMs, maxConcurrent: 2, maxOutputBytes: 1_000_000, log: silentLogger },
  );
  return new CliBackend(cli, silentLogger);
}

/** Runs the fault bin with `args`, as the sandbox helpers run the sandbox bin. */
const faultBin = (dir: string, args: string[], env: Record<string, string>) =>
  execa(process.execPath, [BIN, ...args], {
    reject: false,
    env: { CUSTOMERIO_SANDBOX_STATE_DIR: dir, ...env },
  });

describe("the fault bin met by the adapter", () => {
  it("refuses an unknown fault name, and always answers --version", async () => {
    const bad = await faultBin(stateDir, ["connection", "list", "--json"], {
      CUSTOMERIO_SANDBOX_FAULT: "nope",
    });
    expect([bad.exitCode, bad.stderr]).toEqual([
      2,
      expect.stringContaining("unknown CUSTOMERIO_SANDBOX_FAULT"),
    ]);
    const version = await faultBin(stateDir, ["--version"], { CUSTOMERIO_SANDBOX_FAULT: "hang" });
    expect(version.exitCode).toBe(0);
  });

  it("huge is too large for the adapter's output cap", async () => {
    const huge = client("huge", { CUSTOMERIO_SANDBOX_HUGE_BYTES: "3000000" });
    await expect(huge.listConnections()).rejects.toMatchObject({ kind: "too-large" });
  });

  it("hang is stopped at the deadline with its whole process tree", async () => {
    const pidFile = path.join(stateDir, "pids");
    // Any deadline does, once the sandbox has started and written its pids; the stop adds a 500 ms grace.
    const membrane = client("hang", { CUSTOMERIO_SANDBOX_PID_FILE: pidFile }, 1_000);
    await expect(membrane.listConnections()).rejects.toMatchObject({ kind: "timeout" });
    expect(existsSync(pidFile)).toBe(true);
    const pids = readFileSync(pidFile, "utf8").trim().split("\n").map(Number);
    expect(pids).toHaveLength(2);
    await expect.poll(() => pids.filter(isAlive), { timeout: 5_000 }).toEqual([]);
  });
});

/** Runs the sandbox with `fault` on, as a process this test controls (stdin, detaching, encoding). */
function faulty(fault: string, args: string[], env: Record<string, string> = {}, options: Options = {}) {
  return execa(process.execPath, [BIN, ...args], {
    reject: false,
    env: { CUSTOMERIO_SANDBOX_STATE_DIR: stateDir, CUSTOMERIO_SANDBOX_FAULT: fault, ...env },
    maxBuffer: 200_000_000,
    ...(options.input === undefined ? { stdin: "ignore" } : {}),
    ...options,
  });
}

const request = ["request", CONNECTION, "/v1/segments"];
const actionRun = ["action", "run", "list-segments", `--connectionId=${CONNECTION}`, "--json"];
const readPids = (file: string) => readFileSync(file, "utf8").trim().split("\n").map(Number);
/** The process group and session of a pid, from /proc/<pid>/stat ("pid (comm) S ppid pgrp session ..."). */
function groupAndSession(pid: number): [number, number] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const [, , pgrp, session] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return [Number(pgrp), Number(session)];
}

describe("sandbox faults, as processes", () => {
  it("hang leaves a SIGTERM-proof parent and grandchild until the group is SIGKILLed", async () => {
    const pidFile = path.join(stateDir, "pids");
    const child = faulty("hang", actionRun, { CUSTOMERIO_SANDBOX_PID_FILE: pidFile }, { detached: true });
    let pids: number[] = [];
    try {
      await waitFor(() => existsSync(pidFile), 10_000);
      pids = readPids(pidFile);
      expect(pids).toHaveLength(2);
      expect(pids[0]).toBe(child.pid);
      process.kill(pids[0] as number, "SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pids.map(isAlive)).toEqual([true, true]);
    } finally {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
    }
    const result = await child;
    expect(result.signal).toBe("SIGKILL");
    await waitFor(() => !pids.some(isAlive));
  });

  it("hang holds only CUSTOMERIO_SANDBOX_HANG_COMMANDS; hang-detached's helper leaves the group", async () => {
    const only = { CUSTOMERIO_SANDBOX_HANG_COMMANDS: "request" };
    const list = await faulty("hang", ["connection", "list", "--json"], only, { timeout: 20_000 });
    expect(list.exitCode).toBe(0);
    expect(JSON.parse(String(list.stdout)).items[0].id).toBe(CONNECTION);
    const pidDir = path.join(stateDir, "pid-dir");
    mkdirSync(pidDir);
    const child = faulty(
      "hang-detached",
      request,
      { ...only, CUSTOMERIO_SANDBOX_PID_DIR: pidDir },
      { detached: true },
    );
    let pids: number[] = [];
    try {
      const file = path.join(pidDir, String(child.pid));
      await waitFor(() => existsSync(file), 10_000);
      pids = readPids(file);
      expect(pids).toHaveLength(2);
      expect(readdirSync(pidDir)).toEqual([String(child.pid)]);
      const [leader, helper] = pids as [number, number];
      expect(groupAndSession(leader)[0]).toBe(leader);
      // The helper started a session (and so a group) of its own: killing the leader's group spares it.
      expect(groupAndSession(helper)).toEqual([helper, helper]);
      process.kill(-leader, "SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pids.map(isAlive)).toEqual([false, true]);
    } finally {
      killAll(pids);
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
    }
    await child;
    await waitFor(() => !pids.some(isAlive));
  });

  it("crash prints half a JSON document, then a stack trace with a bearer token, exit 1", async () => {
    const result = await faulty("crash", ["action", "list", `--connectionId=${CONNECTION}`, "--json"]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('{"items":[{"id":"1","na');
    expect(result.stderr).toContain(`Error: request to Membrane failed (Authorization: ${CRASH_TOKEN})`);
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it("garbage exits 0 with non-JSON bytes and a JSON-RPC look-alike line", async () => {
    const result = await faulty("garbage", actionRun, {}, { encoding: "buffer" });
    expect(result.exitCode).toBe(0);
    const bytes = Buffer.from(result.stdout as Uint8Array);
    expect(bytes.includes(Buffer.from([0x00, 0xff, 0xfe]))).toBe(true);
    const text = bytes.toString("latin1");
    expect(text).toContain('{"jsonrpc":"2.0","id":1,"result":{}}\n');
    expect(() => JSON.parse(text)).toThrow();
  });

  it("huge prints 60 MiB of valid JSON by default, or CUSTOMERIO_SANDBOX_HUGE_BYTES exactly", async () => {
    const big = await faulty("huge", actionRun, {}, { stripFinalNewline: false });
    expect(big.exitCode).toBe(0);
    expect(String(big.stdout).length).toBe(60 * 1024 * 1024);
    expect(JSON.parse(String(big.stdout)).output.items.length).toBeGreaterThan(50_000);
    const env = { CUSTOMERIO_SANDBOX_HUGE_BYTES: "100000" };
    const small = await faulty("huge", request, env, { stripFinalNewline: false });
    expect(String(small.stdout).length).toBe(100_000);
    expect(JSON.parse(String(small.stdout)).output.items[0]).toMatchObject({
      id: 0,
      email: "user-0@example.com",
    });
  }, 60_000);

  it("rate-limit counts concurrent calls exactly", async () => {
    const calls = path.join(stateDir, "calls");
    const env = { CUSTOMERIO_SANDBOX_CALLS_FILE: calls, CUSTOMERIO_SANDBOX_FAIL_TIMES: "2" };
    const results = await Promise.all(Array.from({ length: 6 }, () => faulty("rate-limit", request, env)));
    expect(results.filter((result) => result.exitCode === 1)).toHaveLength(2);
    expect(readCallCount(calls)).toBe(6);
  });

  it("prompt waits for stdin to end; the adapter gives the CLI none, so it never waits", async () => {
    const waiting = faulty("prompt", ["connection", "list", "--json"], {}, { stdin: "pipe" });
    // Several times a connection list's own run time: a sandbox that did not wait would have exited.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(waiting.exitCode).toBeNull();
    waiting.stdin?.end("yes\n");
    const answered = await waiting;
    expect(answered.exitCode).toBe(0);
    expect(JSON.parse(String(answered.stdout)).items[0].id).toBe(CONNECTION);
    expect((await faulty("prompt", ["connection", "list", "--json"], {}, { input: "hello" })).exitCode).toBe(
      0,
    );
    // The adapter gives the CLI no stdin (ignored): the prompt ends at once.
    const connections = await client("prompt", {}, 10_000).listConnections();
    expect(connections.map((connection) => connection.id)).toEqual([CONNECTION]);
  });
});
