/**
 * Configuration: command-line flags over environment variables over defaults, every option read through its
 * row of the option table (options.ts), which says what is allowed. A value that does not fit is one line
 * naming the flag or the variable it came from and what is allowed (ConfigError; the bin exits 2).
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "./errors.js";
import { readFlags } from "./flags.js";
import {
  HTTP_TOKEN_ENV,
  HTTP_TOKEN_VALUE,
  MEMBRANE_TOKEN_ENV,
  OPTION_TABLE,
  type OptionRowOf,
  type OptionValues,
  SWITCH,
} from "./options.js";

export { helpText } from "./help-text.js";
export { OPTION_TABLE, type SchemaProfile } from "./options.js";

/** The server's settings: every option's value, with `noCache` folded into `cacheDir` (null: no cache). */
export type Config = Omit<OptionValues, "noCache" | "cacheDir"> & {
  cacheDir: string | null;
  /** From the environment only (never a flag); never logged. */
  httpToken?: string | undefined;
  /** MEMBRANE_TOKEN, from the environment only (never a flag); never logged, never passed to a child. */
  membraneToken?: string | undefined;
};

const UNFILLED = /^\$\{user_config\.[^}]*\}$/;

/** Claude Desktop passes `${user_config.x}` through verbatim when the user left x empty: that means unset. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === "" || UNFILLED.test(value.trim())) return undefined;
  return value.trim();
}

function envBoolean(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = envValue(env, name);
  if (value === undefined) return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false (1/0), not "${value}"`);
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === "darwin") return join(homedir(), "Library", "Caches", "customerio-mcp");
  if (platform === "win32")
    return join(env["LOCALAPPDATA"] ?? join(homedir(), "AppData", "Local"), "customerio-mcp", "Cache");
  return join(env["XDG_CACHE_HOME"] || join(homedir(), ".cache"), "customerio-mcp");
}

/**
 * Read-only fails closed: an unfilled bundle setting (`${user_config.read_only}`), an empty or blank value,
 * or a value that is not a boolean turns it ON, with a warning, instead of leaving a bundle installed as read-only able to write.
 */
function envReadOnly(env: NodeJS.ProcessEnv, warnings: string[]): boolean | undefined {
  const name = "CUSTOMERIO_MCP_READ_ONLY";
  const raw = env[name]?.trim();
  // Set but empty or blank (a bundle field cleared, `CUSTOMERIO_MCP_READ_ONLY=`): a setting that did not
  // arrive as a boolean, so read-only stays on, like an unfilled one.
  if (raw === "") {
    warnings.push(
      `${name} is set but empty: read-only is ON. Set it to false (or 0) to let the agent change data.`,
    );
    return true;
  }
  if (raw !== undefined && UNFILLED.test(raw)) {
    warnings.push(
      `${name} is the unfilled bundle setting ${raw}: read-only is ON. Set it to false to let the agent change data.`,
    );
    return true;
  }
  try {
    return envBoolean(env, name);
  } catch {
    warnings.push(
      `${name} is "${raw}", which is not true or false: read-only is ON. Set it to 1 or 0 (true or false).`,
    );
    return true;
  }
}

/** One option's value from its flag, else its variable, else its default; checked by its row's schema. */
function readOption(
  row: OptionRowOf,
  given: string | boolean | undefined,
  env: NodeJS.ProcessEnv,
  warnings: string[],
): unknown {
  let raw: unknown = given;
  let source = `--${row.flag}`;
  if (raw === undefined && row.value === SWITCH)
    raw = row.key === "readOnly" ? envReadOnly(env, warnings) : envBoolean(env, row.env);
  else if (raw === undefined) {
    raw = envValue(env, row.env);
    source = row.env;
  }
  const result = row.value.safeParse(raw);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? "is not allowed";
  throw new ConfigError(`${source} ${message}, not "${String(raw)}" (see --help)`);
}

export interface ParsedCommandLine {
  command: "serve" | "doctor" | "help" | "version";
  config: Config;
  /** Things a person should know about the configuration, logged as warnings at start. */
  warnings: string[];
}

/** Parses argv (without node and the script) and the environment; throws ConfigError with a one-line message. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedCommandLine {
  const parsed = readFlags(argv);
  const { command } = parsed;
  // --help and --version answer whatever the other settings say: a bad variable must not hide the help.
  const informational = command === "help" || command === "version";
  const flags = informational ? new Map<string, string | boolean>() : parsed.flags;
  if (informational) env = {};
  const warnings: string[] = [];
  const values: Record<string, unknown> = {};
  for (const row of OPTION_TABLE) values[row.key] = readOption(row, flags.get(row.flag), env, warnings);
  const token = HTTP_TOKEN_VALUE.safeParse(envValue(env, HTTP_TOKEN_ENV));
  if (!token.success) throw new ConfigError(`${HTTP_TOKEN_ENV} ${token.error.issues[0]?.message ?? ""}`);
  const { noCache, cacheDir, ...rest } = values as OptionValues;
  // The sandbox writes nothing under HOME: no catalog cache unless one is asked for by name.
  const fallbackCache = rest.sandbox ? null : defaultCacheDir(env);
  const config: Config = { ...rest, cacheDir: noCache ? null : (cacheDir ?? fallbackCache) };
  if (token.data !== undefined) config.httpToken = token.data;
  const membraneToken = envValue(env, MEMBRANE_TOKEN_ENV);
  if (membraneToken !== undefined) config.membraneToken = membraneToken;
  // Over HTTP every client acts with the server's one Membrane login: read-only unless writes are allowed.
  if (config.transport === "http" && !config.allowWrites) config.readOnly = true;
  return { command, config, warnings };
}
