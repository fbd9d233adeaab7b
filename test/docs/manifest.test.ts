/**
 * manifest.json (the MCP Bundle manifest): valid under `mcpb validate`, at the package's version, passing
 * each setting to the environment variable the server reads, and read-only by default. An empty setting
 * reaches the server as the literal `${user_config.x}`, which must count as unset.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { OPTION_TABLE, parseCommandLine } from "../../src/config.js";
import { GENERIC_TOOL_NAMES } from "../../src/tools/registry.js";
import { REPO_ROOT } from "../helpers/harness.js";

interface Manifest {
  manifest_version: string;
  icon: string;
  version: string;
  server: {
    type: string;
    entry_point: string;
    mcp_config: { command: string; args: string[]; env: Record<string, string> };
  };
  user_config: Record<string, { type: string; default?: unknown; required?: boolean }>;
  tools: Array<{ name: string }>;
  tools_generated: boolean;
  compatibility: { platforms: string[]; runtimes: { node: string } };
}

const readJson = <T>(file: string) => JSON.parse(readFileSync(join(REPO_ROOT, file), "utf8")) as T;
const manifest = readJson<Manifest>("manifest.json");
const pkg = readJson<{ version: string; engines: { node: string } }>("package.json");
const env = manifest.server.mcp_config.env;

describe("manifest.json", () => {
  it("has the version of package.json", () => {
    expect(manifest.version).toBe(pkg.version);
  });

  it("passes `mcpb validate`", async () => {
    const cli = join(REPO_ROOT, "node_modules", "@anthropic-ai", "mcpb", "dist", "cli", "cli.js");
    const result = await execa(process.execPath, [cli, "validate", join(REPO_ROOT, "manifest.json")], {
      reject: false,
    });
    expect(result.stdout + result.stderr).toContain("validation passes");
    expect(result.exitCode).toBe(0);
  });

  it("runs the built server with node, on every desktop platform, on Node 20", () => {
    expect(manifest.manifest_version).toBe("0.3");
    expect(manifest.server).toMatchObject({ type: "node", entry_point: "dist/index.js" });
    expect(manifest.server.mcp_config.command).toBe("node");
    // Pinned to stdio: a CUSTOMERIO_MCP_TRANSPORT=http in the user's environment must not move the bundle.
    expect(manifest.server.mcp_config.args).toEqual(["${__dirname}/dist/index.js", "--transport", "stdio"]);
    expect(manifest.compatibility.platforms.sort()).toEqual(["darwin", "linux", "win32"]);
    expect(manifest.compatibility.runtimes.node).toBe(pkg.engines.node.replace(/^>=(\d+\.\d+)$/, ">=$1.0"));
  });

  it("lists the generic tools and says the rest are generated", () => {
    expect(manifest.tools.map((tool) => tool.name)).toEqual([...GENERIC_TOOL_NAMES]);
    expect(manifest.tools_generated).toBe(true);
  });

  it("maps each setting to a variable the server reads; read-only is on by default", () => {
    expect(env).toEqual({
      MEMBRANE_CLI: "${user_config.membrane_cli}",
      CUSTOMERIO_CONNECTION_ID: "${user_config.connection_id}",
      CUSTOMERIO_MCP_READ_ONLY: "${user_config.read_only}",
      CUSTOMERIO_MCP_READ_ONLY_ALLOW: "${user_config.read_only_allow}",
      CUSTOMERIO_MCP_TIMEOUT: "${user_config.timeout}",
      CUSTOMERIO_MCP_SANDBOX: "${user_config.sandbox}",
      CUSTOMERIO_MCP_BACKEND: "${user_config.backend}",
      MEMBRANE_API_URL: "${user_config.membrane_api_url}",
    });
    const known = new Set(OPTION_TABLE.map((row) => row.env));
    for (const name of Object.keys(env)) expect(known.has(name as never)).toBe(true);
    expect(manifest.user_config["membrane_cli"]).toMatchObject({ type: "file", required: false });
    expect(manifest.user_config["connection_id"]).toMatchObject({ type: "string", required: false });
    expect(manifest.user_config["read_only"]).toMatchObject({ type: "boolean", default: true });
    expect(manifest.user_config["read_only_allow"]).toMatchObject({ type: "string", required: false });
    expect(manifest.user_config["timeout"]).toMatchObject({ type: "number", default: 45 });
    expect(manifest.user_config["sandbox"]).toMatchObject({ type: "boolean", default: false });
    expect(manifest.user_config["backend"]).toMatchObject({ type: "string", required: false });
    expect(manifest.user_config["membrane_api_url"]).toMatchObject({ type: "string", required: false });
  });

  it("has the project's icon: a square PNG of at least 128 pixels", () => {
    expect(manifest.icon).toBe("icon.png");
    const png = readFileSync(join(REPO_ROOT, manifest.icon));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(128);
  });
});

describe("settings as Claude Desktop passes them", () => {
  it("treats a setting left empty (the literal `${user_config.x}`) as unset", () => {
    const { config } = parseCommandLine([], { ...env });
    expect(config.membraneCli).toBeUndefined();
    expect(config.connectionId).toBeUndefined();
    // Read-only fails closed: a bundle whose read-only setting did not arrive runs read-only.
    expect(config.readOnly).toBe(true);
    expect(config.readOnlyAllow).toEqual([]);
    expect(config.timeoutSeconds).toBe(45);
    expect(config.sandbox).toBe(false);
    expect(config.backend).toBe("cli");
    expect(config.membraneApiUrl).toBe("https://api.getmembrane.com");
    const padded = parseCommandLine([], { MEMBRANE_CLI: "  ${user_config.membrane_cli} " }).config;
    expect(padded.membraneCli).toBeUndefined();
  });

  it("reads filled-in settings (booleans and numbers arrive as text)", () => {
    const substituted = {
      MEMBRANE_CLI: "/opt/membrane/bin/membrane",
      CUSTOMERIO_CONNECTION_ID: "conn-42",
      CUSTOMERIO_MCP_READ_ONLY: "true",
      CUSTOMERIO_MCP_TIMEOUT: "30",
      CUSTOMERIO_MCP_SANDBOX: "true",
    };
    const { config } = parseCommandLine([], substituted);
    expect(config).toMatchObject({
      membraneCli: "/opt/membrane/bin/membrane",
      connectionId: "conn-42",
      readOnly: true,
      timeoutSeconds: 30,
      sandbox: true,
    });
    expect(parseCommandLine([], { CUSTOMERIO_MCP_READ_ONLY: "false" }).config.readOnly).toBe(false);
  });
});
