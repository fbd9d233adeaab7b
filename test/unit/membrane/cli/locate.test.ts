/**
 * locateCli against real folders and real fake executables: PATH order, the common install folders (npm's
 * global prefix, nvm), a `#!/usr/bin/env node` script that runs without `node` on PATH, a Windows `.cmd`
 * shim, a configured path, and the "not found" display that names every folder searched.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MembraneCli } from "../../../../src/membrane/cli/cli.js";
import {
  commonInstallDirs,
  locateCli,
  npmGlobalBinDirs,
  scriptOfCmdShim,
} from "../../../../src/membrane/cli/locate.js";
import { tempDir } from "../../../helpers/harness.js";
import { silentLogger } from "../../../helpers/silent-logger.js";

const SHELL_CLI = "#!/bin/sh\necho 9.9.9\n";
const NODE_CLI = '#!/usr/bin/env node\nprocess.stdout.write("1.2.3\\n");\n';

/** Writes an executable file (and its folder) and returns its path. */
function executable(dir: string, name: string, body = SHELL_CLI, mode = 0o755): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, body);
  chmodSync(path, mode);
  return path;
}

/** An environment with only the given PATH and a fresh, empty home. */
function isolated(path: string[]): { env: NodeJS.ProcessEnv; home: string } {
  const home = tempDir("cio-locate-home-");
  return { env: { PATH: path.join(":"), HOME: home }, home };
}

describe.skipIf(process.platform === "win32")("locateCli on POSIX", () => {
  it("takes the first executable `membrane` on PATH, skipping files that are not executable", () => {
    const first = tempDir();
    const second = tempDir();
    executable(first, "membrane", SHELL_CLI, 0o644);
    const expected = executable(second, "membrane");
    const { env, home } = isolated([first, second]);
    const found = locateCli(undefined, { env, home });
    expect(found.found).toBe(true);
    expect(found.command).toEqual({ command: expected, args: [], env: {}, display: expected });
    expect(found.searched.slice(0, 2)).toEqual([first, second]);
  });

  it("looks in npm's global prefix (environment, then ~/.npmrc) before the other common folders", () => {
    const prefix = tempDir("cio-prefix-");
    const expected = executable(join(prefix, "bin"), "membrane");
    const { env, home } = isolated([tempDir()]);
    expect(locateCli(undefined, { env: { ...env, npm_config_prefix: prefix }, home }).command.command).toBe(
      expected,
    );
    writeFileSync(join(home, ".npmrc"), `registry=https://example.invalid/\nprefix = "${prefix}"\n`);
    expect(npmGlobalBinDirs(env, "linux", home)[0]).toBe(join(prefix, "bin"));
    expect(locateCli(undefined, { env, home }).command.command).toBe(expected);
  });

  it("finds the CLI in a common folder when PATH is minimal (~/.npm-global, nvm newest first)", () => {
    const { env, home } = isolated([tempDir()]);
    executable(join(home, ".nvm", "versions", "node", "v18.20.0", "bin"), "membrane");
    const newest = executable(join(home, ".nvm", "versions", "node", "v22.11.0", "bin"), "membrane");
    expect(locateCli(undefined, { env, home }).command.command).toBe(newest);
    const npmGlobal = executable(join(home, ".npm-global", "bin"), "membrane");
    expect(locateCli(undefined, { env, home }).command.command).toBe(npmGlobal);
    const dirs = commonInstallDirs(env, "linux", home);
    expect(dirs.indexOf(join(home, ".npm-global", "bin"))).toBeLessThan(
      dirs.indexOf(join(home, ".nvm", "versions", "node", "v22.11.0", "bin")),
    );
  });

  it("runs a `#!/usr/bin/env node` script with this Node, so it works without node on PATH", async () => {
    const bin = tempDir("cio-bin-");
    const script = executable(bin, "membrane", NODE_CLI);
    const { env, home } = isolated([bin]);
    const found = locateCli(undefined, { env, home });
    expect(found.command).toMatchObject({ command: process.execPath, args: [script] });
    // Run it for real with a PATH that has no `node`: only the located command can start it.
    const run = (command: typeof found.command) =>
      new MembraneCli(
        { ...command, env: { PATH: bin } },
        { timeoutMs: 10_000, maxConcurrent: 1, maxOutputBytes: 1_000_000, log: silentLogger },
      ).run(["--version"]);
    await expect(run(found.command)).resolves.toBe("1.2.3");
    await expect(run({ command: script, args: [], env: {}, display: script })).rejects.toThrow();
  });

  it("uses a configured path as given (expanding ~), and searches a configured bare name", () => {
    const { env, home } = isolated([]);
    const inHome = executable(join(home, "tools"), "membrane");
    expect(locateCli("~/tools/membrane", { env, home })).toMatchObject({
      found: true,
      command: { command: inHome },
      searched: [inHome],
    });
    const missing = join(home, "nope", "membrane");
    expect(locateCli(missing, { env, home })).toMatchObject({ found: false, command: { command: missing } });
    const bin = tempDir();
    const other = executable(bin, "membrane-dev");
    expect(locateCli("membrane-dev", { env: { ...env, PATH: bin }, home }).command.command).toBe(other);
  });

  it("names every folder it searched when nothing is found", () => {
    const empty = tempDir("cio-empty-path-");
    const { env, home } = isolated([empty]);
    const result = locateCli(undefined, { env, home });
    expect(result.found).toBe(false);
    expect(result.command.command).toBe("membrane");
    expect(result.searched[0]).toBe(empty);
    expect(result.searched).toContain(join(home, ".npm-global", "bin"));
    for (const dir of result.searched) expect(result.command.display).toContain(dir);
    expect(result.command.display).toMatch(/^membrane \(not found on PATH .*looked in: /);
  });
});

describe("Windows npm shims (read on any platform)", () => {
  const shim = (script: string) =>
    [
      "@ECHO off",
      "SETLOCAL",
      'IF EXIST "%dp0%\\node.exe" (SET "_prog=%dp0%\\node.exe") ELSE (SET "_prog=node")',
      `endLocal & goto #_undefined_# 2>NUL || title %COMSPEC% & "%_prog%"  "%dp0%\\${script}" %*`,
      "",
    ].join("\r\n");

  it("finds the script a .cmd shim runs and runs it with this Node", () => {
    const dir = tempDir("cio-win-");
    const script = executable(join(dir, "node_modules", "@membranehq", "cli", "bin"), "run.js", NODE_CLI);
    writeFileSync(join(dir, "membrane.cmd"), shim("node_modules\\@membranehq\\cli\\bin\\run.js"));
    expect(scriptOfCmdShim(join(dir, "membrane.cmd"))).toBe(script);
    const found = locateCli(undefined, { env: { Path: dir }, platform: "win32", home: tempDir() });
    expect(found.command).toMatchObject({ command: process.execPath, args: [script] });
  });

  it("leaves a shim whose script is missing to be run as is", () => {
    const dir = tempDir("cio-win-");
    writeFileSync(join(dir, "membrane.cmd"), shim("node_modules\\missing\\run.js"));
    expect(scriptOfCmdShim(join(dir, "membrane.cmd"))).toBeUndefined();
  });

  it("looks in %APPDATA%\\npm after PATH", () => {
    const appData = tempDir("cio-appdata-");
    const dirs = commonInstallDirs({ APPDATA: appData }, "win32", tempDir());
    expect(dirs[0]).toBe(join(appData, "npm"));
  });
});
