/**
 * The sandbox leaves no trace on the person's machine: a `--sandbox` session over stdio, over HTTP (with its
 * generated token) and `doctor --sandbox`, each with HOME an empty folder, write nothing under HOME; and
 * connection_status and doctor say "sandbox" where a real setup names the Membrane login.
 */
import { readdirSync } from "node:fs";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { resultJson, SERVER_BIN, startStdio, tempDir } from "../helpers/harness.js";
import { legacyHttpClient, startHttpServer } from "../helpers/http.js";

/** Every file and folder under `dir`, relative. */
const contents = (dir: string) => readdirSync(dir, { recursive: true }).map(String);

describe("the sandbox leaves no trace", () => {
  it("over stdio: nothing under HOME, and connection_status says sandbox", async () => {
    const home = tempDir("cio-empty-home-");
    const harness = await startStdio(["--sandbox"], { HOME: home });
    try {
      await harness.client.listTools();
      const status = resultJson<{ actsAs: { membraneLogin: string } }>(
        await harness.client.callTool({ name: "connection_status", arguments: {} }),
      );
      expect(status.actsAs.membraneLogin).toMatch(/sandbox/);
      expect(status.actsAs.membraneLogin).not.toMatch(/\.membrane/);
      await harness.client.callTool({ name: "search_actions", arguments: { query: "list people" } });
    } finally {
      await harness.close();
    }
    expect(contents(home)).toEqual([]);
  });

  it("over HTTP: the generated token lives in a temporary file, removed at exit", async () => {
    const home = tempDir("cio-empty-home-");
    const server = await startHttpServer(["--sandbox"], { HOME: home, XDG_CONFIG_HOME: "" });
    const file = /bearer token in (\S+)/.exec(server.stderr())?.[1] ?? "";
    expect(file).not.toBe("");
    expect(file.startsWith(home)).toBe(false);
    const { readFileSync, existsSync } = await import("node:fs");
    const client = await legacyHttpClient(server.url, readFileSync(file, "utf8").trim());
    await client.listTools();
    await client.close();
    await server.stop();
    expect(existsSync(file)).toBe(false);
    expect(contents(home)).toEqual([]);
  });

  it("doctor --sandbox: nothing under HOME; it says the sandbox needs no login and keeps no cache", async () => {
    const home = tempDir("cio-empty-home-");
    const run = await execa(process.execPath, [SERVER_BIN, "doctor", "--sandbox"], {
      reject: false,
      extendEnv: false,
      env: { PATH: process.env["PATH"] ?? "", HOME: home },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^✔ Logged in: not needed: the sandbox/m);
    expect(run.stdout).toMatch(/^✔ Cache: off: the sandbox keeps nothing on disk/m);
    expect(contents(home)).toEqual([]);
  });
});
