/**
 * `doctor` for each way a setup can be wrong, in this process: the command line parsed as the bin parses it,
 * then `runDoctor` over the in-process equipment (the scripted fake, the fault equipment, the sandbox) or the
 * CLI production would locate. Each case checks the exit code, the one line that names the problem and its
 * fix, and that the checks depending on it are marked as not checked. A CLI named by --membrane-cli is a real
 * CLI to doctor: one that answered is logged in. The bin itself (its stdout, stderr and exit code, the "run
 * again" command, PATH lookups) is run as a process in test/e2e/doctor-cli.test.ts.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/config.js";
import { runDoctor } from "../../src/doctor/run.js";
import type { CommandRunner } from "../../src/membrane/cli/cli.js";
import { locateCli } from "../../src/membrane/cli/locate.js";
import { fixturePath } from "../fixtures/paths.js";
import { FAULTY_SANDBOX_BIN, faultyRunner, fixtureCli, sandboxRunner, tempDir } from "../helpers/harness.js";

/**
 * doctor with `args` and the environment `env` (nothing else of this process's), over `runner`; without one,
 * over what the bin would use: the sandbox for --sandbox, else the CLI it locates.
 */
async function doctor(args: string[], runner?: CommandRunner, env: Record<string, string> = {}) {
  const parsed = parseCommandLine(["doctor", ...args], { HOME: tempDir("cio-doctor-home-"), ...env });
  const { config } = parsed;
  const membrane =
    runner ??
    (config.sandbox && !config.membraneCli ? sandboxRunner() : locateCli(config.membraneCli).command);
  const lines: string[] = [];
  const code = await runDoctor(config, membrane, (line) => lines.push(line));
  const line = (label: string) => lines.find((text) => text.slice(2).startsWith(`${label}:`)) ?? "";
  return { code, stdout: lines.join("\n"), line, warnings: parsed.warnings };
}

/** The fixture CLI `name` in process, named by --membrane-cli as a person would name its file. */
const withCli = (name: Parameters<typeof fixturePath>[0], ...more: string[]) =>
  doctor(["--membrane-cli", fixturePath(name), "--no-cache", ...more], fixtureCli(name));

/** doctor on the fault equipment with one fault on: a CLI whose account is set up wrong. */
const withFault = (fault: string, ...more: string[]) =>
  doctor(["--membrane-cli", FAULTY_SANDBOX_BIN, "--no-cache", ...more], faultyRunner(fault));

describe.concurrent("doctor", () => {
  it("says the CLI backend starts a Membrane CLI process per call", async () => {
    const run = await withCli("fake-membrane");
    expect(run.line("Backend")).toMatch(/cli: a Membrane CLI process per call/);
  });

  it("says a given MEMBRANE_TOKEN is used as given and not refreshed, and names an API it cannot reach", async () => {
    const given = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln";
    const served = await doctor(
      ["--backend", "api", "--membrane-api-url", "http://127.0.0.1:9", "--no-cache"],
      undefined,
      { MEMBRANE_TOKEN: given },
    );
    expect(served.code).toBe(1);
    expect(served.line("Backend")).toMatch(
      /token from MEMBRANE_TOKEN \(given by a person; not refreshed\), expires 2100-01-01/,
    );
    expect(served.line("Membrane API")).toMatch(/could not be reached/);
    expect(served.stdout).not.toContain(given);
  });

  it("warns about a --tools name that matches no action, with the nearest names", async () => {
    const run = await withCli("fake-membrane", "--tools", "get_custmer");
    expect(run.code).toBe(0);
    expect(run.line("Settings")).toBe(
      '⚠ Settings: --tools "get_custmer" matches no action, so it does nothing; did you mean get_customer, get-customer? — correct the name or remove it',
    );
  });

  it("counts the actions read-only mode keeps out of the tool list", async () => {
    const run = await withCli("fake-membrane", "--read-only");
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
  });

  it("fails closed: an unfilled bundle read-only setting turns read-only on, and says so", async () => {
    const run = await doctor(
      ["--membrane-cli", fixturePath("fake-membrane"), "--no-cache"],
      fixtureCli("fake-membrane"),
      { CUSTOMERIO_MCP_READ_ONLY: "${user_config.read_only}" },
    );
    expect(run.line("Read-only")).toMatch(/^✔ Read-only: on/);
    // The bin writes each warning to stderr (src/index.ts).
    expect(run.warnings.join("\n")).toMatch(/unfilled bundle setting .*read-only is ON/);
  });

  it("not logged in: says to run `membrane login --tenant`", async () => {
    const run = await withFault("not-logged-in");
    expect(run.code).toBe(1);
    expect(run.line("Membrane CLI")).toMatch(/^✔/);
    expect(run.line("Logged in")).toMatch(/^✘ Logged in: no — run `membrane login --tenant` in a terminal/);
    expect(run.line("Customer.io connection")).toMatch(/^– .*not checked/);
    expect(run.line("Actions")).toMatch(/^– .*not checked/);
  });

  it("no connection: says how to create one", async () => {
    const run = await withFault("no-connection");
    expect(run.code).toBe(1);
    // The fault equipment stands in for a real CLI (--membrane-cli): it answered, so it is logged in.
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
  });

  it("a configured CLI file that is not executable: says so and gives the chmod command", async () => {
    const file = join(tempDir(), "membrane");
    writeFileSync(file, "#!/bin/sh\necho 1.0.0\n", { mode: 0o644 });
    const run = await doctor(["--membrane-cli", file, "--no-cache"]);
    expect(run.code).toBe(1);
    expect(run.line("Membrane CLI")).toBe(
      `✘ Membrane CLI: not executable: ${file} — run \`chmod +x ${file}\``,
    );
  });

  it("a cache folder that cannot be written: says to pick another or use --no-cache", async () => {
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "");
    const cli = fixturePath("fake-membrane");
    const run = await doctor(
      ["--membrane-cli", cli, "--cache-dir", join(file, "cache")],
      fixtureCli("fake-membrane"),
    );
    expect(run.code).toBe(1);
    expect(run.line("Cache")).toMatch(
      /^✘ Cache: .* cannot be written \(\w+\) — set --cache-dir .* or use --no-cache$/,
    );
    const writable = tempDir("cio-cache-");
    const ok = await doctor(["--membrane-cli", cli, "--cache-dir", writable], fixtureCli("fake-membrane"));
    expect(ok.line("Cache")).toBe(`✔ Cache: ${writable}`);
  });

  it("works with --sandbox", async () => {
    const run = await doctor(["--sandbox", "--no-cache"]);
    expect(run.code).toBe(0);
    expect(run.line("Mode")).toMatch(/^✔ Mode: sandbox/);
    expect(run.line("Membrane CLI")).toMatch(/^✔ Membrane CLI: customerio-mcp-sandbox/);
    expect(run.line("Customer.io connection")).toMatch(/^✔ Customer.io connection: \S+ ".*" \(READY\)$/);
    expect(run.line("Actions")).toMatch(/^✔ Actions: \d+ discovered, \d+ direct tools/);
    expect(run.line("Tool list")).toMatch(/^✔ Tool list: \d+ tools, about [\d,]+ tokens/);
    // No process per call here: the sandbox answers in the server's process, and doctor says so.
    expect(run.line("Backend")).toMatch(/^✔ Backend: cli: the sandbox's CLI face, in this process/);
  });
});
