/**
 * `customerio-mcp doctor` as a person runs it: the built bin as a process, for what only a process shows: its
 * exit code, stdout and a quiet stderr, the embedded sandbox's REST face wired by the bin, a CLI looked up on
 * PATH, and the "run again" command run through sh. Each way a setup can be wrong is checked in process
 * (runDoctor over the in-process equipment) in test/integration/doctor.test.ts.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../fixtures/paths.js";
import { SERVER_BIN, tempDir } from "../helpers/harness.js";

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

const withCli = (name: Parameters<typeof fixturePath>[0], ...more: string[]) => [
  "--membrane-cli",
  fixturePath(name),
  "--no-cache",
  ...more,
];

describe.concurrent("doctor", () => {
  it("says which backend, which API URL, where the token came from and when it expires, never a token", async () => {
    // --sandbox brings its own tokens in process: a given MEMBRANE_TOKEN is for a real (or served) Membrane.
    const given = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln";
    const run = await doctor(["--sandbox", "--backend", "api", "--no-cache"], { MEMBRANE_TOKEN: given });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.line("Membrane API")).toContain("http://customerio-mcp-sandbox.invalid");
    const backend = run.line("Backend");
    expect(backend).toMatch(/api: .* \(membrane-api-version 2025-10-21\); token from the embedded sandbox/);
    expect(Date.parse(/expires (\S+)$/.exec(backend)?.[1] ?? "")).toBeGreaterThan(Date.now());
    expect(run.stdout).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(run.stdout).not.toContain(given);
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

  it("a CLI on PATH that is not executable: says so and gives the chmod command, apart from not found", async () => {
    const file = join(tempDir(), "membrane");
    writeFileSync(file, "#!/bin/sh\necho 1.0.0\n", { mode: 0o644 });
    const onPath = await doctor(["--no-cache"], { PATH: dirname(file), HOME: tempDir("cio-empty-home-") });
    expect(onPath.code).toBe(1);
    expect(onPath.line("Membrane CLI")).toBe(
      `✘ Membrane CLI: not executable: ${file} — run \`chmod +x ${file}\``,
    );
  });

  it("ends with the command that runs doctor again, which runs as written", async () => {
    const run = await doctor(["--membrane-cli", "/nonexistent/membrane", "--no-cache"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const again = /then run `([^`]+)` again\.$/m.exec(run.stdout)?.[1] ?? "";
    expect(again).toBe(`node ${SERVER_BIN} doctor --membrane-cli /nonexistent/membrane --no-cache`);
    const rerun = await execa("sh", ["-c", again], { reject: false });
    expect(rerun.exitCode).toBe(1);
    expect(String(rerun.stdout).replace(/^.*\n/, "")).toBe(run.stdout.replace(/^.*\n/, ""));
  });
});
