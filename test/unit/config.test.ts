/**
 * Configuration: flags over environment over defaults, one-line errors for bad input, and Claude Desktop's
 * unfilled `${user_config.x}` placeholders treated as unset.
 */
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { defaultCacheDir, OPTION_TABLE, parseCommandLine } from "../../src/config.js";
import { ConfigError } from "../../src/errors.js";
import { SERVER_BIN } from "../helpers/harness.js";

describe("parseCommandLine", () => {
  it("has the documented defaults", () => {
    const { command, config } = parseCommandLine([], {});
    expect(command).toBe("serve");
    expect(config).toMatchObject({
      readOnly: false,
      excludeTools: [],
      maxTools: 40,
      timeoutSeconds: 45,
      maxOutput: 40_000,
      schemaProfile: "default",
      sandbox: false,
      cacheDir: defaultCacheDir({}),
    });
    expect(config.membraneCli).toBeUndefined();
    expect(config.connectionId).toBeUndefined();
    expect(config.tools).toBeUndefined();
  });

  it("reads every option from the environment", () => {
    const { config } = parseCommandLine([], {
      MEMBRANE_CLI: "/opt/membrane",
      CUSTOMERIO_CONNECTION_ID: "conn-9",
      CUSTOMERIO_MCP_READ_ONLY: "1",
      CUSTOMERIO_MCP_TOOLS: "list_*, get_customer",
      CUSTOMERIO_MCP_EXCLUDE_TOOLS: "delete_*",
      CUSTOMERIO_MCP_MAX_TOOLS: "12",
      CUSTOMERIO_MCP_TIMEOUT: "30",
      CUSTOMERIO_MCP_MAX_OUTPUT: "5000",
      CUSTOMERIO_MCP_CACHE_DIR: "/tmp/c",
      CUSTOMERIO_MCP_SCHEMA_PROFILE: "gemini",
      CUSTOMERIO_MCP_SANDBOX: "true",
      CUSTOMERIO_MCP_LOG_LEVEL: "debug",
    });
    expect(config).toMatchObject({
      membraneCli: "/opt/membrane",
      connectionId: "conn-9",
      readOnly: true,
      tools: ["list_*", "get_customer"],
      excludeTools: ["delete_*"],
      maxTools: 12,
      timeoutSeconds: 30,
      maxOutput: 5000,
      cacheDir: "/tmp/c",
      schemaProfile: "gemini",
      sandbox: true,
      logLevel: "debug",
    });
  });

  it("lets flags win over the environment, in both --flag=value and --flag value forms", () => {
    const env = {
      CUSTOMERIO_MCP_TIMEOUT: "30",
      CUSTOMERIO_CONNECTION_ID: "from-env",
      CUSTOMERIO_MCP_READ_ONLY: "0",
    };
    const { config } = parseCommandLine(["--timeout=20", "--connection-id", "from-flag", "--read-only"], env);
    expect(config).toMatchObject({ timeoutSeconds: 20, connectionId: "from-flag", readOnly: true });
  });

  it("treats Claude Desktop's unfilled ${user_config.x} as unset, except read-only, which fails closed", () => {
    const { config, warnings } = parseCommandLine([], {
      MEMBRANE_CLI: "${user_config.membrane_cli}",
      CUSTOMERIO_CONNECTION_ID: "${user_config.connection_id}",
      CUSTOMERIO_MCP_TIMEOUT: " ${user_config.timeout} ",
      CUSTOMERIO_MCP_READ_ONLY: "${user_config.read_only}",
    });
    expect(config.membraneCli).toBeUndefined();
    expect(config.connectionId).toBeUndefined();
    expect(config.timeoutSeconds).toBe(45);
    expect(config.readOnly).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/unfilled bundle setting .*read-only is ON/)]);
  });

  it("--no-cache turns the cache off; doctor is a subcommand", () => {
    expect(parseCommandLine(["--no-cache"], {}).config.cacheDir).toBeNull();
    expect(parseCommandLine(["doctor", "--sandbox"], {}).command).toBe("doctor");
    expect(parseCommandLine(["--help"], {}).command).toBe("help");
  });

  it.each([
    [["--bogus"], /bogus/],
    [["--timeout", "0"], /timeout must be at least 1/],
    [["--timeout", "soon"], /timeout must be a number/],
    [["--max-tools", "2.5"], /max-tools must be a whole number/],
    [["--schema-profile", "claude"], /schema-profile must be one of default, gemini, openai-strict/],
    [["serve"], /Unexpected argument/],
    [["--max-output", "10"], /max-output must be at least 1000/],
  ])("refuses %j with a clear message", (argv, message) => {
    expect(() => parseCommandLine(argv as string[], {})).toThrow(ConfigError);
    expect(() => parseCommandLine(argv as string[], {})).toThrow(message as RegExp);
  });

  it("refuses a boolean environment variable that is not a boolean", () => {
    expect(() => parseCommandLine([], { CUSTOMERIO_MCP_NO_CACHE: "maybe" })).toThrow(
      /CUSTOMERIO_MCP_NO_CACHE must be true or false/,
    );
  });

  it("turns read-only ON, with a warning, when its value cannot be read", () => {
    const { config, warnings } = parseCommandLine([], { CUSTOMERIO_MCP_READ_ONLY: "maybe" });
    expect(config.readOnly).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/"maybe", which is not true or false: read-only is ON/)]);
    expect(parseCommandLine([], { CUSTOMERIO_MCP_READ_ONLY: "0" }).warnings).toEqual([]);
    expect(parseCommandLine([], {}).config.readOnly).toBe(false);
  });

  it("keeps read-only ON, with a warning, when CUSTOMERIO_MCP_READ_ONLY is empty or blank (issue #18)", () => {
    for (const value of ["", "  ", "\t"]) {
      const { config, warnings } = parseCommandLine([], { CUSTOMERIO_MCP_READ_ONLY: value });
      expect(config.readOnly, JSON.stringify(value)).toBe(true);
      expect(warnings).toEqual([expect.stringMatching(/set but empty: read-only is ON/)]);
    }
    // The flag still wins over the environment.
    expect(parseCommandLine(["--read-only"], { CUSTOMERIO_MCP_READ_ONLY: "" }).config.readOnly).toBe(true);
  });

  it("reads --read-only-allow from the flag or CUSTOMERIO_MCP_READ_ONLY_ALLOW", () => {
    expect(parseCommandLine([], {}).config.readOnlyAllow).toEqual([]);
    const env = { CUSTOMERIO_MCP_READ_ONLY_ALLOW: "get_campaign_metrics, count-*" };
    expect(parseCommandLine([], env).config.readOnlyAllow).toEqual(["get_campaign_metrics", "count-*"]);
    expect(parseCommandLine(["--read-only-allow", "a,b"], env).config.readOnlyAllow).toEqual(["a", "b"]);
    const unfilled = { CUSTOMERIO_MCP_READ_ONLY_ALLOW: "${user_config.read_only_allow}" };
    expect(parseCommandLine([], unfilled).config.readOnlyAllow).toEqual([]);
  });

  it("documents every option with an environment variable", () => {
    for (const row of OPTION_TABLE) expect(row.env).toMatch(/^[A-Z_]+$/);
  });
});

describe("the bin", () => {
  it("exits 2 with one line on stderr for a bad flag, and nothing on stdout", async () => {
    const result = await execa(process.execPath, [SERVER_BIN, "--timeout", "-5"], { reject: false });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^customerio-mcp: /);
  });

  it("prints the version and the help", async () => {
    const version = await execa(process.execPath, [SERVER_BIN, "--version"]);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await execa(process.execPath, [SERVER_BIN, "--help"]);
    for (const row of OPTION_TABLE) expect(help.stdout).toContain(`--${row.flag}`);
  });
});
