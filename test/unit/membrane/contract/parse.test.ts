// The contract's parser accepts what commander accepts and refuses what it refuses, worded the same way.
import { describe, expect, it } from "vitest";
import { COMMANDS, findCommand, flag } from "../../../../src/membrane/contract/commands.js";
import { parseCliArgs } from "../../../../src/membrane/contract/parse.js";

describe("parseCliArgs", () => {
  it("takes both flag forms, positionals anywhere and `--` ending the options", () => {
    expect(
      parseCliArgs(["--json", "action", "--limit", "3", "list", "--connectionId=c", "--", "-id"]),
    ).toEqual({
      positionals: ["action", "list", "-id"],
      flags: { json: true, limit: "3", connectionId: "c" },
    });
  });

  it("reads request's short forms (also glued) and repeatable flags in order", () => {
    const { flags } = parseCliArgs([
      "request",
      "c",
      "/v1/x",
      "-XPOST",
      "-H",
      "A: 1",
      "--header=B: 2",
      "-d",
      "{}",
    ]);
    expect(flags).toEqual({ method: "POST", header: ["A: 1", "B: 2"], data: "{}" });
  });

  it("refuses a flag outside the contract, and one the command does not take", () => {
    expect(() => parseCliArgs(["connection", "list", "--bogus"])).toThrow("error: unknown option '--bogus'");
    expect(() => parseCliArgs(["action", "run", "a", "--intent=x"])).toThrow(
      "error: unknown option '--intent' for 'action run'",
    );
    expect(() => parseCliArgs(["action", "list", "--limit"])).toThrow(/^error: Option '--limit <value>'/);
  });

  it("lets --version and --help go with any command, and leaves unknown commands to the caller", () => {
    expect(parseCliArgs(["action", "run", "--version"]).flags).toEqual({ version: true });
    expect(parseCliArgs(["whoami", "--intent=x"]).positionals).toEqual(["whoami"]);
  });

  it("names each command by its longest match, and builds --name=value", () => {
    expect(findCommand(["login", "complete", "abc"])?.name).toBe("login complete");
    expect(findCommand(["login"])?.name).toBe("login");
    expect(findCommand(["action"])).toBeUndefined();
    expect(new Set(COMMANDS.map((command) => command.name)).size).toBe(COMMANDS.length);
    expect(flag("input", '{"a":"--x"}')).toBe('--input={"a":"--x"}');
  });
});
