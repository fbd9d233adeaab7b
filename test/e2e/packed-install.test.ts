/**
 * Installable by name: the tarball `npm pack` makes, installed as npm would install it from the registry,
 * puts `customerio-mcp` and `customerio-mcp-sandbox` on the PATH, and they work: --version, doctor --sandbox
 * and an MCP session over stdio. The production dependencies come from the npm cache (a lock file built
 * from the repo's own, so npm needs no registry metadata), falling back to the network only if the cache
 * lacks one.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempDir } from "../helpers/harness.js";

interface LockEntry {
  dev?: boolean;
  link?: boolean;
  [field: string]: unknown;
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
let files: string[] = [];
let env: Record<string, string> = {};

/** A project whose lock names the tarball and every production package of the repo's lock, as npm ci needs. */
function writeProject(dir: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8"));
  const integrity = `sha512-${createHash("sha512")
    .update(readFileSync(join(dir, tarball)))
    .digest("base64")}`;
  const root = { name: "packed-install-test", dependencies: { [pkg.name]: `file:${tarball}` } };
  const packages: Record<string, unknown> = {
    "": root,
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: `file:${tarball}`,
      integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages as Record<string, LockEntry>))
    if (path.startsWith("node_modules/") && !entry.dev && !entry.link) packages[path] = entry;
  writeFileSync(join(dir, "package.json"), JSON.stringify(root));
  writeFileSync(
    join(dir, "package-lock.json"),
    JSON.stringify({ ...root, lockfileVersion: 3, requires: true, packages }),
  );
}

beforeAll(async () => {
  const dir = tempDir("cio-packed-");
  // dist is already built by the test setup: packing must not rebuild it under the other tests' feet.
  const packed = await execa("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: REPO_ROOT,
  });
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = info!.files.map((file) => file.path);
  writeProject(dir, info!.filename);
  await execa("npm", ["ci", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: dir });
  const bin = join(dir, "node_modules", ".bin");
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
