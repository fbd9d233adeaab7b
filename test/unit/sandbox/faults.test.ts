/**
 * The sandbox's fault switches (CUSTOMERIO_SANDBOX_FAULT), each met by the server's own adapter
 * (MembraneCli, CliBackend, ConnectionResolver) as a real misbehaving Membrane CLI would be.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { execa, type Options } from "execa";
import { beforeEach, describe, expect, it } from "vitest";
import { MembraneCli } from "../../../src/membrane/cli.js";
import { CliBackend } from "../../../src/membrane/cli-backend.js";
import { ConnectionResolver } from "../../../src/membrane/connection.js";
import { LEAKY_ERROR, NOT_LOGGED_IN } from "../../../src/sandbox/faults/command-faults.js";
import { FAULTS } from "../../../src/sandbox/faults/faults.js";
import { CRASH_TOKEN } from "../../../src/sandbox/faults/process-faults.js";
import { isAlive, killAll, waitFor } from "../../fixtures/process-probe.js";
import { readCallCount } from "../../fixtures/records.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { BIN, CONNECTION, freshStateDir, sandbox } from "./helpers.js";

let stateDir: string;
beforeEach(async () => {
  stateDir = await freshStateDir();
});

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

const run = (membrane: CliBackend) => membrane.runAction(CONNECTION, "list-segments", {});
const resolve = (fault: string) => new ConnectionResolver(client(fault), undefined).resolve();

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
    // Any deadline does, once the sandbox has started and written its pids; the stop adds a 500 ms grace.
    const membrane = client("hang", { CUSTOMERIO_SANDBOX_PID_FILE: pidFile }, 1_000);
    await expect(membrane.listConnections()).rejects.toMatchObject({ kind: "timeout" });
    expect(existsSync(pidFile)).toBe(true);
    const pids = readFileSync(pidFile, "utf8").trim().split("\n").map(Number);
    expect(pids).toHaveLength(2);
    await expect.poll(() => pids.filter(isAlive), { timeout: 5_000 }).toEqual([]);
  });

  it("slow-pages delays each action list page", async () => {
    const started = Date.now();
    // Well above a page's own run time, well below the default: the test waits it once per page.
    const listing = await client("slow-pages", { CUSTOMERIO_SANDBOX_PAGE_DELAY_MS: "300" }).listAllActions(
      CONNECTION,
    );
    expect(listing.pages).toBeGreaterThan(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300 * listing.pages);
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
  it("documents every fault in one line", () => {
    for (const [name, doc] of Object.entries(FAULTS)) {
      expect(name).toMatch(/^[a-z0-9-]+$/);
      expect(doc).not.toContain("\n");
      expect(doc.length).toBeGreaterThan(20);
    }
  });

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

  it("a failed run is one JSON error on stderr with the upstream detail and the actionRunId", async () => {
    const args = [
      "action",
      "run",
      "get-customer",
      `--connectionId=${CONNECTION}`,
      '--input={"id":"42"}',
      "--json",
    ];
    const result = await sandbox(stateDir, args);
    expect([result.exitCode, result.stdout]).toEqual([1, ""]);
    expect(result.error()).toEqual({
      message: "Request failed with status 404: customer 42 not found",
      status: 404,
      actionRunId: expect.stringMatching(/^run_[0-9a-f]+$/),
      data: { errors: [{ detail: "customer 42 not found", status: "404" }] },
    });
  });

  it("leaky-error exits 1 with secrets in stderr, for runs and requests only", async () => {
    for (const args of [actionRun, request]) {
      const result = await faulty("leaky-error", args, {}, { stripFinalNewline: false });
      expect([result.exitCode, result.stdout, result.stderr]).toEqual([1, "", LEAKY_ERROR]);
    }
    for (const text of [
      "Request failed with status code 401",
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl",
      "api_key=0123456789abcdef0123456789abcdef",
      "pat-na1-1234abcd-12ab-34cd-56ef-1234567890ab",
    ]) {
      expect(LEAKY_ERROR).toContain(text);
    }
    expect((await faulty("leaky-error", ["connection", "list", "--json"])).exitCode).toBe(0);
  });

  it("rate-limit fails the first CUSTOMERIO_SANDBOX_FAIL_TIMES counted calls with 429, then succeeds", async () => {
    const calls = path.join(stateDir, "calls");
    const env = { CUSTOMERIO_SANDBOX_CALLS_FILE: calls, CUSTOMERIO_SANDBOX_FAIL_TIMES: "2" };
    expect((await faulty("rate-limit", ["connection", "list", "--json"], env)).exitCode).toBe(0);
    const first = await faulty("rate-limit", actionRun, env);
    const second = await faulty("rate-limit", request, env);
    const third = await faulty("rate-limit", actionRun, env);
    expect([first.exitCode, second.exitCode, third.exitCode]).toEqual([1, 1, 0]);
    expect(JSON.parse(String(first.stderr))).toEqual({
      error: { message: "Too Many Requests", status: 429, retryAfter: 1, headers: { "retry-after": "1" } },
    });
    expect(JSON.parse(String(third.stdout)).output.segments).toEqual(expect.any(Array));
    expect(readCallCount(calls)).toBe(3);
    // Without CUSTOMERIO_SANDBOX_FAIL_TIMES every call fails.
    expect((await faulty("rate-limit", request, { CUSTOMERIO_SANDBOX_CALLS_FILE: calls })).exitCode).toBe(1);
  });

  it("rate-limit counts concurrent calls exactly", async () => {
    const calls = path.join(stateDir, "calls");
    const env = { CUSTOMERIO_SANDBOX_CALLS_FILE: calls, CUSTOMERIO_SANDBOX_FAIL_TIMES: "2" };
    const results = await Promise.all(Array.from({ length: 6 }, () => faulty("rate-limit", request, env)));
    expect(results.filter((result) => result.exitCode === 1)).toHaveLength(2);
    expect(readCallCount(calls)).toBe(6);
  });

  it("server-error fails CUSTOMERIO_SANDBOX_FAIL_TIMES calls with 503", async () => {
    const env = {
      CUSTOMERIO_SANDBOX_CALLS_FILE: path.join(stateDir, "calls"),
      CUSTOMERIO_SANDBOX_FAIL_TIMES: "1",
    };
    const first = await faulty("server-error", request, env);
    expect([first.exitCode, first.stderr]).toEqual([
      1,
      '{"error":{"message":"Service Unavailable","status":503}}',
    ]);
    const second = await faulty("server-error", request, env);
    expect(second.exitCode).toBe(0);
    expect(JSON.parse(String(second.stdout))).toHaveProperty("segments", expect.any(Array));
  });

  it("slow sleeps CUSTOMERIO_SANDBOX_DELAY_MS before a run or request, not before --version", async () => {
    const started = Date.now();
    const result = await faulty("slow", request, { CUSTOMERIO_SANDBOX_DELAY_MS: "250" });
    expect(result.exitCode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const env = { CUSTOMERIO_SANDBOX_DELAY_MS: "60000" };
    const version = await faulty("slow", ["--version"], env, { timeout: 10_000 });
    expect([version.exitCode, version.stdout]).toEqual([0, expect.stringContaining("sandbox")]);
    const list = await faulty("slow", ["connection", "list", "--json"], env, { timeout: 10_000 });
    expect(list.exitCode).toBe(0);
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
    const connections = await client("prompt", {}, 10_000).listConnections();
    expect(connections.map((connection) => connection.id)).toEqual([CONNECTION]);
  });

  it("not-logged-in fails everything but --version and login", async () => {
    for (const args of [
      ["connection", "list", "--json"],
      ["action", "list", `--connectionId=${CONNECTION}`, "--json"],
      actionRun,
    ]) {
      const result = await faulty("not-logged-in", args);
      expect([result.exitCode, result.stderr, result.stdout]).toEqual([1, NOT_LOGGED_IN, ""]);
    }
    expect((await faulty("not-logged-in", ["--version"])).exitCode).toBe(0);
    expect((await faulty("not-logged-in", ["login", "--tenant"])).exitCode).toBe(0);
  });

  it("no-connection lists only Slack and finds the Customer.io connector", async () => {
    const list = JSON.parse(String((await faulty("no-connection", ["connection", "list", "--json"])).stdout));
    expect(list.items.map((c: { id: string; key: string }) => [c.id, c.key])).toEqual([
      ["sandbox-slack", "slack"],
    ]);
    const args = ["search", "customerio", "--elementType=connector", "--json"];
    const found = JSON.parse(String((await faulty("no-connection", args)).stdout));
    expect(found.items[0].element).toMatchObject({ key: "customerio", id: expect.any(String) });
  });

  it("two-connections lists both READY Customer.io connections", async () => {
    const list = JSON.parse(
      String((await faulty("two-connections", ["connection", "list", "--json"])).stdout),
    );
    expect(
      list.items.map((c: { id: string; name: string; state: string }) => [c.id, c.name, c.state]),
    ).toEqual([
      [CONNECTION, "Customer.io (sandbox)", "READY"],
      ["sandbox-customerio-staging", "Customer.io (sandbox staging)", "READY"],
    ]);
  });

  it("reconnect-needed shows CLIENT_ACTION_REQUIRED, refuses runs and reconnects", async () => {
    const list = JSON.parse(
      String((await faulty("reconnect-needed", ["connection", "list", "--json"])).stdout),
    );
    expect(list.items[0]).toMatchObject({
      id: CONNECTION,
      state: "CLIENT_ACTION_REQUIRED",
      clientAction: {
        type: "connect",
        description: "Reconnect Customer.io",
        uiUrl: "https://console.example/connect/sandbox",
      },
    });
    const refused = await faulty("reconnect-needed", actionRun);
    expect(refused.exitCode).toBe(1);
    expect(JSON.parse(String(refused.stderr)).error.status).toBe(409);
    const args = ["connect", `--connectionId=${CONNECTION}`, "--json"];
    const fixed = JSON.parse(String((await faulty("reconnect-needed", args)).stdout));
    expect(fixed).toMatchObject({ id: CONNECTION, state: "READY" });
    expect(fixed.clientAction).toBeUndefined();
  });
});
