/**
 * Configuration: command-line flags over environment variables over defaults, checked by one zod schema.
 * The same table drives parsing, `--help` and the README, so they cannot drift apart.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ConfigError } from "./errors.js";

export const SCHEMA_PROFILES = ["default", "gemini", "openai-strict"] as const;
export type SchemaProfile = (typeof SCHEMA_PROFILES)[number];

/** One row per option: flag, environment variable, default shown to people, meaning. */
export const OPTION_TABLE = [
  {
    flag: "membrane-cli",
    arg: "<path>",
    env: "MEMBRANE_CLI",
    shownDefault: "`membrane` on PATH, then common install dirs",
    meaning: "the Membrane CLI to run",
  },
  {
    flag: "connection-id",
    arg: "<id>",
    env: "CUSTOMERIO_CONNECTION_ID",
    shownDefault: "found with `connection list`",
    meaning: "the Customer.io connection",
  },
  {
    flag: "read-only",
    arg: "",
    env: "CUSTOMERIO_MCP_READ_ONLY",
    shownDefault: "off",
    meaning: "only tools that cannot change data; everything else refused",
  },
  {
    flag: "tools",
    arg: "<list>",
    env: "CUSTOMERIO_MCP_TOOLS",
    shownDefault: "all",
    meaning: "comma-separated tool names or globs to offer as direct tools",
  },
  {
    flag: "exclude-tools",
    arg: "<list>",
    env: "CUSTOMERIO_MCP_EXCLUDE_TOOLS",
    shownDefault: "none",
    meaning: "comma-separated tool names or globs to leave out",
  },
  {
    flag: "max-tools",
    arg: "<n>",
    env: "CUSTOMERIO_MCP_MAX_TOOLS",
    shownDefault: "40",
    meaning: "cap on direct tools (generic ones included); the rest via search/run",
  },
  {
    flag: "timeout",
    arg: "<seconds>",
    env: "CUSTOMERIO_MCP_TIMEOUT",
    shownDefault: "45",
    meaning: "per CLI call; below the 60 s at which clients give up",
  },
  {
    flag: "max-output",
    arg: "<chars>",
    env: "CUSTOMERIO_MCP_MAX_OUTPUT",
    shownDefault: "40000",
    meaning: "cap on a result's text; more is cut with a note",
  },
  {
    flag: "cache-dir",
    arg: "<dir>",
    env: "CUSTOMERIO_MCP_CACHE_DIR",
    shownDefault: "the OS cache dir",
    meaning: "where the discovered catalog is kept",
  },
  {
    flag: "no-cache",
    arg: "",
    env: "CUSTOMERIO_MCP_NO_CACHE",
    shownDefault: "off",
    meaning: "do not read or write the catalog cache",
  },
  {
    flag: "schema-profile",
    arg: "<p>",
    env: "CUSTOMERIO_MCP_SCHEMA_PROFILE",
    shownDefault: "default",
    meaning: "`default`, `gemini` or `openai-strict`",
  },
  {
    flag: "sandbox",
    arg: "",
    env: "CUSTOMERIO_MCP_SANDBOX",
    shownDefault: "off",
    meaning: "use the embedded sandbox instead of a real Membrane account",
  },
  {
    flag: "log-level",
    arg: "<level>",
    env: "CUSTOMERIO_MCP_LOG_LEVEL",
    shownDefault: "info",
    meaning: "stderr log threshold: debug, info, warning or error",
  },
] as const;

const booleanFlags = new Set(["read-only", "no-cache", "sandbox"]);

const positiveInt = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(1, { error: `${name} must be at least 1` })
    .max(max, { error: `${name} must be at most ${max}` });

const listOf = z.string().transform((text) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

const ConfigSchema = z.object({
  membraneCli: z.string().min(1).optional(),
  connectionId: z.string().min(1).optional(),
  readOnly: z.boolean(),
  tools: listOf.optional(),
  excludeTools: listOf.default([]),
  maxTools: positiveInt("max-tools", 1000).default(40),
  timeoutSeconds: positiveInt("timeout", 3600).default(45),
  maxOutput: positiveInt("max-output", 10_000_000)
    .pipe(z.number().min(1000, { error: "max-output must be at least 1000" }))
    .default(40_000),
  cacheDir: z.string().min(1).nullable(),
  schemaProfile: z
    .enum(SCHEMA_PROFILES, { error: `schema-profile must be one of ${SCHEMA_PROFILES.join(", ")}` })
    .default("default"),
  sandbox: z.boolean(),
  logLevel: z
    .enum(["debug", "info", "warning", "error"], { error: "log-level must be debug, info, warning or error" })
    .default("info"),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Claude Desktop passes `${user_config.x}` through verbatim when the user left x empty: that means unset. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === "" || /^\$\{user_config\.[^}]*\}$/.test(value.trim()))
    return undefined;
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

export interface ParsedCommandLine {
  command: "serve" | "doctor" | "help" | "version";
  config: Config;
}

/** Parses argv (without node and the script) and the environment; throws ConfigError with a one-line message. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedCommandLine {
  const options: Record<string, { type: "string" | "boolean" }> = {
    help: { type: "boolean" },
    version: { type: "boolean" },
  };
  for (const row of OPTION_TABLE)
    options[row.flag] = { type: booleanFlags.has(row.flag) ? "boolean" : "string" };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message.split("\n")[0]} (see --help)`);
  }
  const { values, positionals } = parsed;
  const flag = (name: string) => values[name] as string | boolean | undefined;
  if (positionals.length > 1 || (positionals[0] !== undefined && positionals[0] !== "doctor")) {
    throw new ConfigError(
      `Unexpected argument "${positionals.join(" ")}": the only subcommand is "doctor" (see --help)`,
    );
  }
  const pick = (name: string, envName: string) =>
    (flag(name) as string | undefined) ?? envValue(env, envName);
  const pickBool = (name: string, envName: string) =>
    (flag(name) as boolean | undefined) ?? envBoolean(env, envName) ?? false;

  const noCache = pickBool("no-cache", "CUSTOMERIO_MCP_NO_CACHE");
  const raw = {
    membraneCli: pick("membrane-cli", "MEMBRANE_CLI"),
    connectionId: pick("connection-id", "CUSTOMERIO_CONNECTION_ID"),
    readOnly: pickBool("read-only", "CUSTOMERIO_MCP_READ_ONLY"),
    tools: pick("tools", "CUSTOMERIO_MCP_TOOLS"),
    excludeTools: pick("exclude-tools", "CUSTOMERIO_MCP_EXCLUDE_TOOLS"),
    maxTools: pick("max-tools", "CUSTOMERIO_MCP_MAX_TOOLS"),
    timeoutSeconds: pick("timeout", "CUSTOMERIO_MCP_TIMEOUT"),
    maxOutput: pick("max-output", "CUSTOMERIO_MCP_MAX_OUTPUT"),
    cacheDir: noCache ? null : (pick("cache-dir", "CUSTOMERIO_MCP_CACHE_DIR") ?? defaultCacheDir(env)),
    schemaProfile: pick("schema-profile", "CUSTOMERIO_MCP_SCHEMA_PROFILE"),
    sandbox: pickBool("sandbox", "CUSTOMERIO_MCP_SANDBOX"),
    logLevel: pick("log-level", "CUSTOMERIO_MCP_LOG_LEVEL"),
  };
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue?.message ?? "unknown problem"} (see --help)`);
  }
  const command = flag("help")
    ? "help"
    : flag("version")
      ? "version"
      : positionals[0] === "doctor"
        ? "doctor"
        : "serve";
  return { command, config: result.data };
}

/** The text of `--help`, built from the same table as the parser. */
export function helpText(version: string): string {
  const lines = [
    `customerio-mcp ${version}: an MCP server (stdio) for Customer.io through the Membrane CLI`,
    "",
    "Usage: customerio-mcp [options]          serve MCP over stdio",
    "       customerio-mcp doctor [options]   check the setup, one line per check",
    "",
    "Options (flags win over environment variables, which win over defaults):",
  ];
  for (const row of OPTION_TABLE) {
    lines.push(`  --${row.flag}${row.arg ? ` ${row.arg}` : ""}`);
    lines.push(`      ${row.meaning}. Env: ${row.env}. Default: ${row.shownDefault.replaceAll("`", "")}.`);
  }
  lines.push("  --help      show this text", "  --version   print the version");
  return lines.join("\n");
}
