/**
 * Installable by name: the tarball `npm pack` makes, installed as npm would install it from the registry,
 * puts `customerio-mcp` and `customerio-mcp-sandbox` on the PATH, and they work: --version, doctor --sandbox
 * and an MCP session over stdio. The tarball and its install are made once per test run
 * (test/helpers/packed-install.ts) and shared with bundle.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempDir } from "../helpers/harness.js";
import { packedInstall } from "../helpers/packed-install.js";

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
let files: string[] = [];
let env: Record<string, string> = {};

beforeAll(async () => {
  // Packed and installed once per test run, shared with bundle.test.ts (test/helpers/packed-install.ts).
  const install = await packedInstall();
  files = install.files;
  const bin = join(install.dir, "node_modules", ".bin");
  env = {
    PATH: [bin, dirname(process.execPath), "/usr/bin", "/bin"].join(delimiter),
    HOME: tempDir("cio-home-"),
  };
}, 180_000);

describe("the packed package", () => {
  it("holds what runs and its papers, and no tests or sources", () => {
    for (const file of [
      "dist/index.js",
      "dist/sandbox/bin.js",
      "dist/THIRD-PARTY-LICENSES.txt",
      "manifest.json",
      "icon.png",
      "README.md",
      "LICENSE",
      "package.json",
    ])
      expect(files).toContain(file);
    expect(files.filter((file) => /^(test|src|bench|scripts)\//.test(file) || file.endsWith(".ts"))).toEqual(
      [],
    );
    // The build's metafile is for the tests and the .mcpb script, not for users.
    expect(files).not.toContain("dist/.esbuild-meta.json");
  });

  it("installs nothing but itself: dist/ carries what it runs on", async () => {
    const { dir } = await packedInstall();
    const installed = readdirSync(join(dir, "node_modules")).filter((name) => !name.startsWith("."));
    expect(installed).toEqual([pkg.name]);
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it("puts customerio-mcp and customerio-mcp-sandbox on the PATH", async () => {
    const version = await execa("customerio-mcp", ["--version"], { env, extendEnv: false });
    expect(version.stdout).toBe(pkg.version);
    const sandbox = await execa("customerio-mcp-sandbox", ["--version"], { env, extendEnv: false });
    expect(sandbox.stdout).toContain(pkg.version);
  });

  it("runs `customerio-mcp doctor --sandbox` as the README says", async () => {
    const doctor = await execa("customerio-mcp", ["doctor", "--sandbox"], {
      env,
      extendEnv: false,
      reject: false,
    });
    expect(doctor.exitCode).toBe(0);
    expect(doctor.stdout).toContain("All checks passed.");
  });

  it("serves MCP over stdio with `customerio-mcp --sandbox`", async () => {
    const transport = new StdioClientTransport({ command: "customerio-mcp", args: ["--sandbox"], env });
    const client = new Client({ name: "packed-install-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain("search_actions");
      const status = await client.callTool({ name: "connection_status", arguments: {} });
      expect(status.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });
});
