/**
 * What npm leaves on disk that locate.ts reads without spawning anything: the global prefix (environment,
 * ~/.npmrc, or npm's default next to the running Node), whether a bin is a Node script, and which script a
 * Windows `.cmd` shim runs (Node cannot spawn a `.cmd` without a shell).
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

const isWindows = (platform: NodeJS.Platform) => platform === "win32";

export function existsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The `prefix=` set in the user's .npmrc, if any (what `npm config get prefix` would add to the defaults). */
function npmrcPrefix(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const file = env["NPM_CONFIG_USERCONFIG"] || env["npm_config_userconfig"] || join(home, ".npmrc");
  try {
    const line = readFileSync(file, "utf8")
      .split(/\r?\n/)
      .find((text) => /^\s*prefix\s*=/.test(text));
    const value = line
      ?.split("=")
      .slice(1)
      .join("=")
      .trim()
      .replace(/^["']|["']$/g, "");
    return value ? value.replace(/^~(?=$|[\\/])/, home).replace(/\$\{HOME\}/g, home) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where `npm install -g` puts bins: the prefix from the environment or .npmrc, else npm's default (the
 * folder of the Node running us on POSIX, %APPDATA%\npm on Windows). Read without spawning npm.
 */
export function npmGlobalBinDirs(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string[] {
  const binOf = (prefix: string) => (isWindows(platform) ? prefix : join(prefix, "bin"));
  const prefixes = [env["npm_config_prefix"], env["NPM_CONFIG_PREFIX"], npmrcPrefix(env, home)].filter(
    (prefix): prefix is string => Boolean(prefix),
  );
  const dirs = prefixes.map(binOf);
  if (isWindows(platform)) {
    if (env["APPDATA"]) dirs.push(join(env["APPDATA"], "npm"));
  } else {
    dirs.push(dirname(process.execPath));
  }
  return [...new Set(dirs)];
}

/** True when the file is a script for Node (a `node` shebang or a .js/.mjs/.cjs file). */
export function isNodeScript(path: string): boolean {
  if (/\.(c|m)?js$/i.test(path)) return true;
  try {
    const fd = openSync(path, "r");
    try {
      const buffer = Buffer.alloc(128);
      const length = readSync(fd, buffer, 0, 128, 0);
      return /^#!.*\bnode\b/.test(buffer.subarray(0, length).toString("utf8").split("\n")[0] ?? "");
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The JavaScript file an npm `.cmd` shim runs (`"%dp0%\node_modules\...\x.js" %*`), if it exists. */
export function scriptOfCmdShim(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const matches = [...text.matchAll(/"%~?dp0%?\\([^"]+\.(?:c|m)?js)"/gi)];
  const relative = matches.at(-1)?.[1];
  if (!relative) return undefined;
  const script = join(dirname(path), ...relative.split(/[\\/]/));
  return existsFile(script) ? script : undefined;
}
