/**
 * The bin's side of configuration, as a process: a bad flag, value or variable is exit 2 with one line on
 * stderr and nothing on stdout; --version and --help print. (Parsing itself is tested in process:
 * test/unit/config.test.ts.)
 */
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { OPTION_TABLE } from "../../src/config.js";
import { SERVER_BIN } from "../helpers/harness.js";

describe("the bin", () => {
  it.each([
    [["--timeout", "-5"], {}],
    [["--frobnicate"], {}],
    [[], { CUSTOMERIO_MCP_PORT: "abc" }],
    [["--transport", "http", "--token-file", "/nonexistent/customerio-mcp-token"], {}],
  ])("exits 2 with one line on stderr for %j %j, and nothing on stdout", async (argv, env) => {
    const result = await execa(process.execPath, [SERVER_BIN, ...argv], {
      reject: false,
      env: env as Record<string, string>,
    });
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
