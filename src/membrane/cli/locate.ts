/**
 * Finds the Membrane CLI where a GUI client cannot: Claude Desktop starts servers with a minimal PATH, so
 * `spawn membrane ENOENT` is the commonest failure of CLI-wrapping servers. Looks on PATH, then in the usual
 * global install places (npm's global prefix first); runs a Node script (npm's `#!/usr/bin/env node` bins,
 * or the script behind a Windows `.cmd` shim) with the Node running this server, since that same minimal
 * PATH often lacks `node`. When nothing is found, the command's display names every folder searched, so the
 * "not found" error a tool returns says where it looked.
 */
import { accessSync, constants, readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import type { CliCommand } from "./cli.js";
import { existsFile, isNodeScript, npmGlobalBinDirs, scriptOfCmdShim } from "./npm-prefix.js";

export { isNodeScript, npmGlobalBinDirs, scriptOfCmdShim };

const isWindows = (platform: NodeJS.Platform) => platform === "win32";
const namesFor = (base: string, platform: NodeJS.Platform) =>
  isWindows(platform) ? [`${base}.cmd`, `${base}.exe`, base] : [base];

function isExecutableFile(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (!isWindows(platform)) accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** nvm's per-version bin folders, newest first. */
function nvmBinDirs(env: NodeJS.ProcessEnv, home: string): string[] {
  const root = join(env["NVM_DIR"] || join(home, ".nvm"), "versions", "node");
  try {
    return readdirSync(root)
      .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
      .map((version) => join(root, version, "bin"));
  } catch {
    return [];
  }
}

/** The folders to look in after PATH, most likely first. */
export function commonInstallDirs(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string[] {
  const dirs = npmGlobalBinDirs(env, platform, home);
  if (isWindows(platform)) {
    if (env["LOCALAPPDATA"]) dirs.push(join(env["LOCALAPPDATA"], "pnpm"));
    if (env["ProgramFiles"]) dirs.push(join(env["ProgramFiles"], "nodejs"));
    if (env["VOLTA_HOME"]) dirs.push(join(env["VOLTA_HOME"], "bin"));
  } else {
    if (env["PNPM_HOME"]) dirs.push(env["PNPM_HOME"]);
    dirs.push(
      "/opt/homebrew/bin",
      "/usr/local/bin",
      join(home, ".npm-global", "bin"),
      join(env["VOLTA_HOME"] || join(home, ".volta"), "bin"),
      join(home, ".local", "bin"),
      join(home, "Library", "pnpm"),
      join(home, ".local", "share", "pnpm"),
      join(home, ".bun", "bin"),
      join(home, ".asdf", "shims"),
      ...nvmBinDirs(env, home),
      "/usr/bin",
    );
  }
  return [...new Set(dirs)];
}

/** How to run the CLI at `path`: directly, or through this Node when it is a Node script or an npm shim. */
function commandFor(path: string, display = path, platform: NodeJS.Platform = process.platform): CliCommand {
  if (isWindows(platform)) {
    // Node cannot spawn a .cmd without a shell; npm's shim only runs a script we can run ourselves.
    const script = /\.cmd$/i.test(path) ? scriptOfCmdShim(path) : undefined;
    if (script) return { command: process.execPath, args: [script], env: {}, display };
  } else if (isNodeScript(path)) {
    return { command: process.execPath, args: [path], env: {}, display };
  }
  return { command: path, args: [], env: {}, display };
}

interface LocateResult {
  command: CliCommand;
  /** Folders searched (or the configured path), in order. */
  searched: string[];
  found: boolean;
}

interface LocateOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/** What a tool's "not found" error shows: the name and every folder that was searched. */
function notFoundDisplay(name: string, searched: readonly string[]): string {
  return `${name} (not found on PATH nor in the usual install folders; looked in: ${searched.join(", ") || "nothing"})`;
}

/**
 * The CLI to run: the configured path (a bare name is searched for like the default; a leading `~` is the
 * home folder), else the first `membrane` on PATH or in the common places.
 */
export function locateCli(configured: string | undefined, options: LocateOptions = {}): LocateResult {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.home ?? homedir();
  let name = "membrane";
  if (configured) {
    const expanded = configured.replace(/^~(?=$|[\\/])/, home);
    const hasDir = /[\\/]/.test(expanded) || isAbsolute(expanded);
    if (hasDir) {
      const path = resolve(expanded);
      return { command: commandFor(path, path, platform), searched: [path], found: existsFile(path) };
    }
    name = expanded;
  }
  const pathDirs = (env["PATH"] ?? env["Path"] ?? "").split(isWindows(platform) ? ";" : ":").filter(Boolean);
  const searched = [...new Set([...pathDirs, ...commonInstallDirs(env, platform, home)])];
  const names = /\.[a-z]+$/i.test(name) ? [name] : namesFor(name, platform);
  for (const dir of searched) {
    for (const candidate of names.map((file) => join(dir, file))) {
      if (isExecutableFile(candidate, platform))
        return { command: commandFor(candidate, candidate, platform), searched, found: true };
    }
  }
  return {
    command: { command: name, args: [], env: {}, display: notFoundDisplay(name, searched) },
    searched,
    found: false,
  };
}
