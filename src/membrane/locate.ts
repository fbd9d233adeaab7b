/**
 * Finds the Membrane CLI where a GUI client cannot: Claude Desktop starts servers with a minimal PATH, so
 * `spawn membrane ENOENT` is the commonest failure of CLI-wrapping servers. Looks on PATH, then in the usual
 * global install places; runs a Node script (npm's `#!/usr/bin/env node` bins) with the Node running this
 * server, since that same minimal PATH often lacks `node`.
 */
import { accessSync, closeSync, constants, openSync, readdirSync, readSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import type { CliCommand } from "./cli.js";

const NAMES = process.platform === "win32" ? ["membrane.cmd", "membrane.exe", "membrane"] : ["membrane"];

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== "win32") accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The folders to look in after PATH, most likely first. */
export function commonInstallDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir();
  const dirs: string[] = [];
  if (env["npm_config_prefix"])
    dirs.push(join(env["npm_config_prefix"], process.platform === "win32" ? "" : "bin"));
  if (process.platform === "win32") {
    if (env["APPDATA"]) dirs.push(join(env["APPDATA"], "npm"));
  } else {
    dirs.push(
      "/opt/homebrew/bin",
      "/usr/local/bin",
      join(home, ".npm-global", "bin"),
      join(home, ".volta", "bin"),
      join(home, ".local", "bin"),
      "/usr/bin",
    );
    const nvm = join(env["NVM_DIR"] ?? join(home, ".nvm"), "versions", "node");
    try {
      const versions = readdirSync(nvm).sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
      for (const version of versions) dirs.push(join(nvm, version, "bin"));
    } catch {
      // No nvm.
    }
  }
  return dirs;
}

/** True when the file is a script for Node (a `node` shebang or a .js/.mjs/.cjs file). */
export function isNodeScript(path: string): boolean {
  if (/\.(c|m)?js$/i.test(path)) return true;
  try {
    const fd = openSync(path, "r");
    const buffer = Buffer.alloc(128);
    const length = readSync(fd, buffer, 0, 128, 0);
    closeSync(fd);
    return /^#!.*\bnode\b/.test(buffer.subarray(0, length).toString("utf8").split("\n")[0] ?? "");
  } catch {
    return false;
  }
}

/** How to run the CLI at `path`: directly, or through this Node when it is a Node script. */
export function commandFor(path: string, display = path): CliCommand {
  if (process.platform !== "win32" && isNodeScript(path))
    return { command: process.execPath, args: [path], env: {}, display };
  return { command: path, args: [], env: {}, display };
}

/** The CLI to run: the configured path, else the first `membrane` on PATH or in the common places. */
export function locateCli(
  configured: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { command: CliCommand; searched: string[] } {
  if (configured) return { command: commandFor(configured), searched: [configured] };
  const pathDirs = (env["PATH"] ?? "").split(delimiter).filter(Boolean);
  const searched = [...new Set([...pathDirs, ...commonInstallDirs(env)])];
  for (const dir of searched) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return { command: commandFor(candidate), searched };
    }
  }
  return {
    command: {
      command: "membrane",
      args: [],
      env: {},
      display: "membrane (not found on PATH nor in the usual install folders)",
    },
    searched,
  };
}
