/**
 * `customerio-mcp doctor` as a person runs it: the built bin with a fake Membrane CLI (the scripted fake, or
 * the fault bin: the sandbox with a fault) for each way a setup can be wrong. Each case checks the exit code, the one line that names the problem and its fix, that the
 * checks depending on it are marked as not checked, and that stderr stays quiet.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../fixtures/paths.js";
import { FAULTY_SANDBOX_BIN, SERVER_BIN, tempDir } from "../helpers/harness.js";

async function doctor(args: string[], env: Record<string, string> = {}) {
  const result = await execa(process.execPath, [SERVER_BIN, "doctor", ...args], {
    reject: false,
    extendEnv: false,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? tempDir(), ...env },
    timeout: 30_000,
  });
  const lines = String(result.stdout).split("\n");
  const line = (label: string) => lines.find((text) => text.slice(2).startsWith(`${label}:`)) ?? "";
  return { code: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr), line };
}

/** doctor on the fault bin with one fault on: a CLI whose account is set up wrong. */
const withFault = (fault: string, ...more: string[]) =>
  doctor(["--membrane-cli", FAULTY_SANDBOX_BIN, "--no-cache", ...more], {
    CUSTOMERIO_SANDBOX_FAULT: fault,
    CUSTOMERIO_SANDBOX_STATE_DIR: tempDir(),
  });

const withCli = (name: Parameters<typeof fixturePath>[0], ...more: string[]) => [
  "--membrane-cli",
  fixturePath(name),
  "--no-cache",
  ...more,
];

describe.concurrent("doctor", () => {
  it("says which backend, which API URL, where the token came from and when it expires, never the token", async () => {
    const run = await doctor(["--sandbox", "--backend", "api", "--no-cache"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.line("Membrane API")).toContain("http://customerio-mcp-sandbox.invalid");
    const backend = run.line("Backend");
    expect(backend).toMatch(/api: .* \(membrane-api-version 2025-10-21\); token from the embedded sandbox/);
    expect(Date.parse(/expires (\S+)$/.exec(backend)?.[1] ?? "")).toBeGreaterThan(Date.now());
    expect(run.stdout).not.toMatch(/eyJ[\w-]+\.eyJ/);
    const cli = await doctor(withCli("fake-membrane"));
    expect(cli.line("Backend")).toMatch(/cli: a Membrane CLI process per call/);
  });

  it("says a given MEMBRANE_TOKEN is used as given and not refreshed, and names an API it cannot reach", async () => {
    const given = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln";
    const run = await doctor(["--sandbox", "--backend", "api", "--no-cache"], { MEMBRANE_TOKEN: given });
    // --sandbox brings its own tokens in process: MEMBRANE_TOKEN is for a real (or served) Membrane.
    expect(run.stdout).not.toContain(given);
    const served = await doctor(
      ["--backend", "api", "--membrane-api-url", "http://127.0.0.1:9", "--no-cache"],
      {
        MEMBRANE_TOKEN: given,
      },
    );
    expect(served.code).toBe(1);
    expect(served.line("Backend")).toMatch(
      /token from MEMBRANE_TOKEN \(given by a person; not refreshed\), expires 2100-01-01/,
    );
    expect(served.line("Membrane API")).toMatch(/could not be reached/);
    expect(served.stdout).not.toContain(given);
  });

  it("passes every check against a working CLI, one line each", async () => {
    const run = await doctor(withCli("fake-membrane"));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.line("Node.js")).toBe(`✔ Node.js: v${process.versions.node}`);
    expect(run.line("Membrane CLI")).toBe(`✔ Membrane CLI: ${fixturePath("fake-membrane")} (1.0.0)`);
    expect(run.line("Logged in")).toBe("✔ Logged in: yes");
    expect(run.line("Customer.io connection")).toBe('✔ Customer.io connection: conn-1 "Customer.io" (READY)');
    expect(run.line("Actions")).toMatch(/^✔ Actions: 3 discovered, 3 direct tools$/);
    expect(run.line("Tool list")).toMatch(
      /^✔ Tool list: 7 tools, about [\d,]+ tokens \([\d,]+ characters\)$/,
    );
    expect(run.line("Cache")).toMatch(/^✔ Cache: off/);
    expect(run.line("Read-only")).toMatch(/^✔ Read-only: off: .*--read-only/);
    expect(run.stdout).toContain("All checks passed.");
  });

  it("warns about a --tools name that matches no action, with the nearest names", async () => {
    const run = await doctor(withCli("fake-membrane", "--tools", "get_custmer"));
    expect(run.code).toBe(0);
    expect(run.line("Settings")).toBe(
      '⚠ Settings: --tools "get_custmer" matches no action, so it does nothing; did you mean get_customer, get-customer? — correct the name or remove it',
    );
  });

  it("counts the actions read-only mode keeps out of the tool list", async () => {
    const run = await doctor(withCli("fake-membrane", "--read-only"));
    expect(run.code).toBe(0);
    expect(run.line("Actions")).toMatch(/3 discovered, 2 direct tools, 1 via search_actions \/ run_action/);
    expect(run.line("Read-only")).toMatch(/^✔ Read-only: on/);
  });

  it("says how many actions read-only hides, and how to allow the ones of unknown effect", async () => {
    const [run, allowed] = await Promise.all([
      doctor(["--sandbox", "--no-cache", "--read-only"]),
      doctor(["--sandbox", "--no-cache", "--read-only", "--read-only-allow", "get_campaign_*"]),
    ]);
    expect(run.code).toBe(0);
    expect(run.line("Read-only")).toMatch(/^✔ Read-only: on: .*\((\d+) of \d+ actions hidden\)/);
    expect(run.line("Read-only")).toMatch(/--read-only-allow .*get_campaign_metrics/);
    expect(allowed.line("Read-only")).toMatch(
      /allowed by --read-only-allow: get_campaign_metrics, get_campaign_metrics_v1/,
    );
  }, 90_000);

  it("fails closed: an unfilled bundle read-only setting turns read-only on, and says so", async () => {
    const run = await doctor(withCli("fake-membrane"), {
      CUSTOMERIO_MCP_READ_ONLY: "${user_config.read_only}",
    });
    expect(run.line("Read-only")).toMatch(/^✔ Read-only: on/);
    expect(run.stderr).toMatch(/unfilled bundle setting .*read-only is ON/);
  });

  it("not logged in: says to run `membrane login --tenant`", async () => {
    const run = await withFault("not-logged-in");
    expect(run.code).toBe(1);
    expect(run.line("Membrane CLI")).toMatch(/^✔/);
    expect(run.line("Logged in")).toMatch(/^✘ Logged in: no — run `membrane login --tenant` in a terminal/);
    expect(run.line("Customer.io connection")).toMatch(/^– .*not checked/);
    expect(run.line("Actions")).toMatch(/^– .*not checked/);
    expect(run.stderr).toBe("");
  });

  it("no connection: says how to create one", async () => {
    const run = await withFault("no-connection");
    expect(run.code).toBe(1);
    // The faulty sandbox bin stands in for a real CLI (--membrane-cli): it answered, so it is logged in.
    expect(run.line("Logged in")).toBe("✔ Logged in: yes");
    expect(run.line("Customer.io connection")).toMatch(
      /^✘ Customer.io connection: There is no Customer.io connection .* — .*membrane connect --connectorId=/,
    );
  });

  it("two connections: names both and says to choose one with --connection-id", async () => {
    const run = await withFault("two-connections");
    expect(run.code).toBe(1);
    const line = run.line("Customer.io connection");
    expect(line).toMatch(/^✘ /);
    expect(line).toContain("sandbox-customerio");
    expect(line).toContain("sandbox-customerio-staging");
    expect(line).toContain("--connection-id");
    const chosen = await withFault("two-connections", "--connection-id", "sandbox-customerio-staging");
    expect(chosen.code).toBe(0);
    expect(chosen.line("Customer.io connection")).toBe(
      '✔ Customer.io connection: sandbox-customerio-staging "Customer.io (sandbox staging)" (READY)',
    );
  });

  it("reconnect needed: gives the state, the URL and the reconnect command", async () => {
    const run = await withFault("reconnect-needed");
    expect(run.code).toBe(1);
    const line = run.line("Customer.io connection");
    expect(line).toMatch(/^✘ .*sandbox-customerio.*CLIENT_ACTION_REQUIRED/);
    expect(line).toContain("https://console.example/connect/sandbox");
    expect(line).toContain("membrane connect --connectionId=sandbox-customerio");
  });

  it("a configured CLI that does not exist: says where and how to install", async () => {
    const missing = join(tempDir(), "no", "membrane");
    const run = await doctor(["--membrane-cli", missing, "--no-cache"]);
    expect(run.code).toBe(1);
    expect(run.line("Membrane CLI")).toBe(
      `✘ Membrane CLI: not found at ${missing} (set by --membrane-cli / MEMBRANE_CLI) — install it with \`npm i -g @membranehq/cli\`, or set MEMBRANE_CLI / --membrane-cli to its full path`,
    );
    for (const label of ["Logged in", "Customer.io connection", "Actions"])
      expect(run.line(label)).toMatch(/^– .*not checked \(needs the Membrane CLI\)/);
    expect(run.stderr).toBe("");
  });

  it("no CLI on PATH nor in the usual folders: lists where it looked", async () => {
    const emptyPath = tempDir("cio-empty-path-");
    const home = tempDir("cio-empty-home-");
    const run = await doctor(["--no-cache"], { PATH: emptyPath, HOME: home });
    expect(run.code).toBe(1);
    expect(run.line("Membrane CLI")).toMatch(
      new RegExp(
        `^✘ Membrane CLI: not found on PATH .*looked in: ${emptyPath}, .*\\.npm-global/bin.* — install it`,
      ),
    );
  });

  it("a CLI file that is not executable: says so and gives the chmod command, apart from not found", async () => {
    const file = join(tempDir(), "membrane");
    writeFileSync(file, "#!/bin/sh\necho 1.0.0\n", { mode: 0o644 });
    const run = await doctor(["--membrane-cli", file, "--no-cache"]);
    expect(run.code).toBe(1);
    expect(run.line("Membrane CLI")).toBe(
      `✘ Membrane CLI: not executable: ${file} — run \`chmod +x ${file}\``,
    );
    const onPath = await doctor(["--no-cache"], { PATH: dirname(file), HOME: tempDir("cio-empty-home-") });
    expect(onPath.line("Membrane CLI")).toBe(
      `✘ Membrane CLI: not executable: ${file} — run \`chmod +x ${file}\``,
    );
  });

  it("ends with the command that runs doctor again, which runs as written", async () => {
    const run = await doctor(["--membrane-cli", "/nonexistent/membrane", "--no-cache"]);
    const again = /then run `([^`]+)` again\.$/m.exec(run.stdout)?.[1] ?? "";
    expect(again).toBe(`node ${SERVER_BIN} doctor --membrane-cli /nonexistent/membrane --no-cache`);
    const rerun = await execa("sh", ["-c", again], { reject: false });
    expect(rerun.exitCode).toBe(1);
    expect(String(rerun.stdout).replace(/^.*\n/, "")).toBe(run.stdout.replace(/^.*\n/, ""));
  });

  it("a cache folder that cannot be written: says to pick another or use --no-cache", async () => {
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "");
    const run = await doctor([
      "--membrane-cli",
      fixturePath("fake-membrane"),
      "--cache-dir",
      join(file, "cache"),
    ]);
    expect(run.code).toBe(1);
    expect(run.line("Cache")).toMatch(
      /^✘ Cache: .* cannot be written \(\w+\) — set --cache-dir .* or use --no-cache$/,
    );
    const writable = tempDir("cio-cache-");
    const ok = await doctor(["--membrane-cli", fixturePath("fake-membrane"), "--cache-dir", writable]);
    expect(ok.line("Cache")).toBe(`✔ Cache: ${writable}`);
  });

  it("works with --sandbox", async () => {
    const run = await doctor(["--sandbox", "--no-cache"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.line("Mode")).toMatch(/^✔ Mode: sandbox/);
    expect(run.line("Membrane CLI")).toMatch(/^✔ Membrane CLI: customerio-mcp-sandbox/);
    expect(run.line("Customer.io connection")).toMatch(/^✔ Customer.io connection: \S+ ".*" \(READY\)$/);
    expect(run.line("Actions")).toMatch(/^✔ Actions: \d+ discovered, \d+ direct tools/);
    expect(run.line("Tool list")).toMatch(/^✔ Tool list: \d+ tools, about [\d,]+ tokens/);
    // No process per call here: the sandbox answers in the server's process, and doctor says so.
    expect(run.line("Backend")).toMatch(/^✔ Backend: cli: the sandbox's CLI face, in this process/);
  });
});
