/**
 * Configuration: flags over environment over defaults, one-line errors for bad input, and Claude Desktop's
 * unfilled `${user_config.x}` placeholders treated as unset.
 */
import { describe, expect, it } from "vitest";
import { defaultCacheDir, OPTION_TABLE, parseCommandLine } from "../../src/config.js";
import { ConfigError } from "../../src/errors.js";

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

  it("keeps no catalog cache for the sandbox unless a cache folder is named", () => {
    expect(parseCommandLine(["--sandbox"], {}).config.cacheDir).toBeNull();
    expect(parseCommandLine(["--sandbox", "--cache-dir", "/tmp/c"], {}).config.cacheDir).toBe("/tmp/c");
  });

  it("--no-cache turns the cache off; doctor is a subcommand", () => {
    expect(parseCommandLine(["--no-cache"], {}).config.cacheDir).toBeNull();
    expect(parseCommandLine(["doctor", "--sandbox"], {}).command).toBe("doctor");
    expect(parseCommandLine(["--help"], {}).command).toBe("help");
  });

  it.each([
    [["--bogus"], /^unknown option --bogus \(see --help\)$/],
    [["--frobnicate"], /^unknown option --frobnicate \(see --help\)$/],
    [["--read-olny"], /^unknown option --read-olny; did you mean --read-only\?/],
    [["-x"], /^unknown option -x /],
    [["--timeout", "-1"], /^--timeout must be a whole number from 1 to 3600, not "-1"/],
    [["--timeout", "0"], /^--timeout must be a whole number from 1 to 3600, not "0"/],
    [["--timeout", "soon"], /^--timeout must be a whole number from 1 to 3600, not "soon"/],
    [["--timeout"], /^--timeout needs a value: --timeout <seconds>/],
    [["--timeout="], /^--timeout needs a value/],
    [["--timeout", "--read-only"], /^--timeout needs a value/],
    [["--max-tools", "2.5"], /^--max-tools must be a whole number from 1 to 1000, not "2.5"/],
    [
      ["--schema-profile", "claude"],
      /^--schema-profile must be one of default, gemini, openai-strict, not "claude"/,
    ],
    [["--transport", "sse"], /^--transport must be one of stdio, http, not "sse"/],
    [["--read-only=yes"], /^--read-only is a switch and takes no value/],
    [
      ["--token", "abcdefabcdefabcdef"],
      /^--token is not a flag .* set CUSTOMERIO_MCP_HTTP_TOKEN or use --token-file/,
    ],
    [["serve"], /^unexpected argument "serve": the only command is doctor/],
    [["doctor", "now"], /^unexpected argument "now"/],
    [["--max-output", "10"], /^--max-output must be a whole number from 1000 to 10000000, not "10"/],
  ])("refuses %j in one line naming the flag and what is allowed", (argv, message) => {
    expect(() => parseCommandLine(argv as string[], {})).toThrow(ConfigError);
    expect(() => parseCommandLine(argv as string[], {})).toThrow(message as RegExp);
  });

  it.each([
    [
      { CUSTOMERIO_MCP_PORT: "abc" },
      /^CUSTOMERIO_MCP_PORT must be a whole number from 0 to 65535, not "abc"/,
    ],
    [{ CUSTOMERIO_MCP_TIMEOUT: "-1" }, /^CUSTOMERIO_MCP_TIMEOUT must be a whole number from 1 to 3600/],
    [
      { CUSTOMERIO_MCP_LOG_LEVEL: "loud" },
      /^CUSTOMERIO_MCP_LOG_LEVEL must be one of debug, info, warning, error/,
    ],
    [{ CUSTOMERIO_MCP_SANDBOX: "maybe" }, /^CUSTOMERIO_MCP_SANDBOX must be true or false/],
    [{ CUSTOMERIO_MCP_HTTP_TOKEN: "short" }, /^CUSTOMERIO_MCP_HTTP_TOKEN must be at least 16 characters/],
  ])("refuses %j naming the environment variable", (env, message) => {
    expect(() => parseCommandLine([], env)).toThrow(message);
  });

  it("answers --help and --version whatever the other settings say", () => {
    expect(parseCommandLine(["--help", "--timeout", "-1"], { CUSTOMERIO_MCP_PORT: "abc" }).command).toBe(
      "help",
    );
    expect(parseCommandLine(["--version"], { CUSTOMERIO_MCP_SANDBOX: "maybe" }).command).toBe("version");
  });

  it("names the flag, not the variable, when the flag gave the bad value", () => {
    expect(() => parseCommandLine(["--port", "x"], { CUSTOMERIO_MCP_PORT: "80" })).toThrow(/^--port must/);
  });

  it("shows each default as the option's schema applies it", () => {
    for (const row of OPTION_TABLE) {
      const applied = row.value.safeParse(undefined);
      expect(applied.success).toBe(true);
      const value = applied.data;
      if (typeof value === "number" || (typeof value === "string" && row.key !== "host"))
        expect(row.shownDefault).toBe(String(value));
      if (typeof value === "boolean") expect([row.shownDefault, row.arg]).toEqual(["off", ""]);
    }
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

  it("chooses the backend and its API URL; MEMBRANE_TOKEN only from the environment", () => {
    const defaults = parseCommandLine([], {}).config;
    expect([defaults.backend, defaults.membraneApiUrl, defaults.membraneToken]).toEqual([
      "cli",
      "https://api.getmembrane.com",
      undefined,
    ]);
    const fromEnv = parseCommandLine([], {
      CUSTOMERIO_MCP_BACKEND: "api",
      MEMBRANE_API_URL: "http://127.0.0.1:4010/",
      MEMBRANE_TOKEN: "t0k",
    }).config;
    expect([fromEnv.backend, fromEnv.membraneApiUrl, fromEnv.membraneToken]).toEqual([
      "api",
      "http://127.0.0.1:4010",
      "t0k",
    ]);
    expect(parseCommandLine(["--backend", "cli"], { CUSTOMERIO_MCP_BACKEND: "api" }).config.backend).toBe(
      "cli",
    );
    expect(() => parseCommandLine(["--backend", "rest"], {})).toThrow(
      /--backend must be one of cli, api, not "rest"/,
    );
    expect(() => parseCommandLine(["--membrane-api-url", "ftp://x"], {})).toThrow(
      /--membrane-api-url must be an http\(s\) URL without a query/,
    );
    expect(() => parseCommandLine(["--membrane-api-url", "https://x/?a=1"], {})).toThrow(
      /--membrane-api-url must be an http\(s\) URL without a query/,
    );
    expect(() => parseCommandLine(["--membrane-token", "x"], {})).toThrow();
  });

  it("documents every option with an environment variable", () => {
    for (const row of OPTION_TABLE) expect(row.env).toMatch(/^[A-Z_]+$/);
  });
});
