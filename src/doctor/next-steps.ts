/**
 * What doctor tells a person to do. Error hints are written for an agent in the middle of a tool call ("call
 * connection_status", "ask for less"); a person at a terminal needs a step they can take and a command that
 * runs as written, so doctor words its own: why the CLI cannot run (missing, or not executable), what to do
 * about each kind of failure, and how to run doctor again exactly as it was run.
 */
import { accessSync, constants, statSync } from "node:fs";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import type { Config } from "../config.js";
import { ActionableError, CliError } from "../errors.js";
import { locateCli } from "../membrane/cli/locate.js";

export interface CliProblem {
  detail: string;
  fix: string;
}

const INSTALL =
  "install it with `npm i -g @membranehq/cli`, or set MEMBRANE_CLI / --membrane-cli to its full path";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A file at `path` that exists but cannot be run, in the person's words; undefined otherwise. */
function unrunnable(path: string): CliProblem | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isDirectory())
    return {
      detail: `${path} is a folder, not the CLI`,
      fix: `set --membrane-cli / MEMBRANE_CLI to the \`membrane\` file inside it`,
    };
  if (stat?.isFile() && process.platform !== "win32" && !isExecutable(path))
    return { detail: `not executable: ${path}`, fix: `run \`chmod +x ${quoted(path)}\`` };
  return undefined;
}

/** Why the Membrane CLI could not be run: not executable (and which file), or not found (and where looked). */
export function cliProblem(config: Config): CliProblem {
  if (config.membraneCli && /[\\/]/.test(config.membraneCli)) {
    const path = resolve(config.membraneCli.replace(/^~(?=$|[\\/])/, process.env["HOME"] ?? "~"));
    return (
      unrunnable(path) ?? {
        detail: `not found at ${path} (set by --membrane-cli / MEMBRANE_CLI)`,
        fix: INSTALL,
      }
    );
  }
  const name = config.membraneCli ?? "membrane";
  const { searched } = locateCli(config.membraneCli);
  for (const dir of searched) {
    const problem = unrunnable(join(dir, name));
    if (problem?.detail.startsWith("not executable")) return problem;
  }
  return {
    detail: `not found on PATH nor in the usual install folders (looked in: ${searched.join(", ")})`,
    fix: INSTALL,
  };
}

/** What a person can do about a failure met while checking (never an agent's next tool call). */
export function personFix(error: unknown, doctor: string): string | undefined {
  if (error instanceof CliError) {
    if (error.kind === "timeout")
      return `the Membrane CLI did not answer in time: check your network, then run \`${doctor}\` again (or add --timeout 90)`;
    if (error.kind === "too-large" || error.kind === "bad-output")
      return "check that `membrane --version` works in a terminal and that the CLI is up to date (`npm i -g @membranehq/cli`)";
    if (error.status === 401 || error.status === 403)
      return "Customer.io refused the connection's credentials: reconnect it (`membrane connection list --json` shows its id, then `membrane connect --connectionId=<id> --json`)";
    if (error.status === 429 || (error.status ?? 0) >= 500 || error.kind === "cancelled")
      return `wait a minute, then run \`${doctor}\` again`;
    if (error.kind === "exit")
      return `run \`membrane connection list --json\` in a terminal to see what the CLI says, then \`${doctor}\` again`;
  }
  return error instanceof ActionableError ? error.hint : undefined;
}

const quoted = (word: string) => (/^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);

/**
 * The command that runs doctor again as the person ran it: `customerio-mcp doctor ...` when that is how it was
 * started from the PATH, the bin's full path when it was not on the PATH (npx), else `node <index.js> doctor ...`
 * (from a clone).
 */
export function doctorCommand(
  argv: readonly string[] = process.argv,
  path = process.env["PATH"] ?? "",
): string {
  const script = argv[1] ?? "";
  const args = argv
    .slice(2)
    .filter((arg) => arg !== "doctor")
    .map(quoted);
  const onPath = path.split(delimiter).some((dir) => dir !== "" && resolve(dir) === dirname(script));
  const start =
    basename(script) !== "customerio-mcp"
      ? `node ${quoted(script)}`
      : onPath
        ? "customerio-mcp"
        : quoted(script);
  return [start, "doctor", ...args].join(" ");
}
