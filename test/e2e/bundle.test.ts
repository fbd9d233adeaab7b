/**
 * The .mcpb bundle on its own: `scripts/bundle.mjs` packs the built server (without rebuilding, so tests
 * never race on dist/), the bundle is unpacked into an empty folder outside the repo, and that copy is run
 * over stdio in sandbox mode with the settings Claude Desktop passes when they are left empty. It must hold
 * only what runs and stay small: dist/ is self-contained, so there is no node_modules.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERIC_TOOL_NAMES } from "../../src/tools/registry.js";
import { REPO_ROOT, resultText, tempDir } from "../helpers/harness.js";

const MCPB_CLI = join(REPO_ROOT, "node_modules", "@anthropic-ai", "mcpb", "dist", "cli", "cli.js");
const MAX_BUNDLE_BYTES = 2 * 1024 * 1024;

let bundle: string;
let unpacked: string;
let client: Client | undefined;

beforeAll(async () => {
  const out = tempDir("cio-bundle-out-");
  bundle = join(out, "customerio-mcp-test.mcpb");
  const script = join(REPO_ROOT, "scripts", "bundle.mjs");
  await execa(process.execPath, [script, "--no-build", "--out", bundle], {
    cwd: REPO_ROOT,
    stdio: "ignore",
  });
  unpacked = tempDir("cio-bundle-run-");
  await execa(process.execPath, [MCPB_CLI, "unpack", bundle, unpacked], { stdio: "ignore" });
}, 120_000);

afterAll(async () => {
  await client?.close();
});

/** A fault module by its name (faults.ts, process-faults.ts, faulty-sandbox/), not defaults.js. */
const FAULT_FILE = /(^|[/-])faults?([/.-]|$)|faulty/i;

describe("the .mcpb bundle", () => {
  it("is small and holds only what runs", () => {
    expect(statSync(bundle).size).toBeLessThan(MAX_BUNDLE_BYTES);
    expect(readdirSync(unpacked).sort()).toEqual(["dist", "icon.png", "manifest.json", "package.json"]);
    const dist = readdirSync(join(unpacked, "dist")).sort();
    expect(dist).toEqual(["THIRD-PARTY-LICENSES.txt", "chunks", "index.js", "sandbox"]);
    // Fault injectors are test equipment (test/fixtures/faulty-sandbox): none ships.
    const shipped = readdirSync(join(unpacked, "dist"), { recursive: true }).map(String);
    expect(shipped.filter((file) => FAULT_FILE.test(file))).toEqual([]);
    for (const file of shipped.filter((name) => name.endsWith(".js")))
      expect(readFileSync(join(unpacked, "dist", file), "utf8"), file).not.toContain(
        "CUSTOMERIO_SANDBOX_FAULT",
      );
    const pkg = JSON.parse(readFileSync(join(unpacked, "package.json"), "utf8")) as Record<string, unknown>;
    const manifest = JSON.parse(readFileSync(join(unpacked, "manifest.json"), "utf8")) as { version: string };
    expect(pkg["version"]).toBe(manifest.version);
    expect(pkg["devDependencies"]).toBeUndefined();
  });

  it("runs unpacked, on its own, in sandbox mode when its Sandbox setting is on", async () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, "manifest.json"), "utf8")) as {
      server: { mcp_config: { args: string[]; env: Record<string, string> } };
    };
    const args = manifest.server.mcp_config.args.map((arg) => arg.replace("${__dirname}", unpacked));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args,
      cwd: unpacked,
      // Every setting left empty (Claude Desktop passes the placeholders through as text) but Sandbox.
      env: {
        PATH: process.env["PATH"] ?? "",
        HOME: tempDir("cio-bundle-home-"),
        ...manifest.server.mcp_config.env,
        CUSTOMERIO_MCP_SANDBOX: "true",
      },
      stderr: "ignore",
    });
    client = new Client({ name: "bundle-test", version: "1.0.0" });
    await client.connect(transport);
    expect(client.getServerVersion()?.version).toBe(
      (JSON.parse(readFileSync(join(unpacked, "package.json"), "utf8")) as { version: string }).version,
    );
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name);
    for (const name of GENERIC_TOOL_NAMES) expect(names).toContain(name);
    expect(names.length).toBeGreaterThan(GENERIC_TOOL_NAMES.length);
    const status = await client.callTool({ name: "connection_status", arguments: {} });
    expect(status.isError).toBeFalsy();
    expect(status.structuredContent).toMatchObject({ ok: true, connection: { state: "READY" } });
    const search = await client.callTool({ name: "search_actions", arguments: { query: "list people" } });
    expect(search.isError).toBeFalsy();
    expect(resultText(search)).toContain('"matches"');
  }, 30_000);
});
