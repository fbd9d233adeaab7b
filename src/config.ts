/**
 * Configuration: command-line flags over environment variables over defaults, checked by one zod schema.
 * The same table drives parsing, `--help` and the README, so they cannot drift apart.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ConfigError } from "./errors.js";
import { CONFIRM_MODES, HTTP_TOKEN_ENV, OPTION_TABLE, SCHEMA_PROFILES, TRANSPORTS } from "./options.js";

export { helpText, OPTION_TABLE, type SchemaProfile } from "./options.js";

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
  readOnlyAllow: listOf.default([]),
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
  confirm: z
    .enum(CONFIRM_MODES, { error: `confirm must be one of ${CONFIRM_MODES.join(", ")}` })
    .default("high-blast"),
  logLevel: z
    .enum(["debug", "info", "warning", "error"], { error: "log-level must be debug, info, warning or error" })
    .default("info"),
  transport: z.enum(TRANSPORTS, { error: "transport must be stdio or http" }).default("stdio"),
  host: z.string().min(1).default("127.0.0.1"),
  port: z.coerce
    .number({ error: "port must be a number" })
    .int({ error: "port must be a whole number" })
    .min(0, { error: "port must be between 0 and 65535" })
    .max(65535, { error: "port must be between 0 and 65535" })
    .default(3000),
  tokenFile: z.string().min(1).optional(),
  /** From the environment only (never a flag); never logged. */
  httpToken: z
    .string()
    .min(16, { error: `${HTTP_TOKEN_ENV} must be at least 16 characters` })
    .optional(),
  noAuth: z.boolean(),
  allowedHosts: listOf.default([]),
  allowedOrigins: listOf.default([]),
  allowWrites: z.boolean(),
});

export type Config = z.infer<typeof ConfigSchema>;

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

export interface ParsedCommandLine {
  command: "serve" | "doctor" | "help" | "version";
  config: Config;
  /** Things a person should know about the configuration, logged as warnings at start. */
  warnings: string[];
}

/** Parses argv (without node and the script) and the environment; throws ConfigError with a one-line message. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedCommandLine {
  const options: Record<string, { type: "string" | "boolean" }> = {
    help: { type: "boolean" },
    version: { type: "boolean" },
  };
  for (const row of OPTION_TABLE) options[row.flag] = { type: row.type === "boolean" ? "boolean" : "string" };
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
  const warnings: string[] = [];
  // Each option from its flag, else its environment variable (booleans: true/false, off when unset).
  const raw: { [key in keyof Config | "noCache"]?: unknown } = { httpToken: envValue(env, HTTP_TOKEN_ENV) };
  for (const row of OPTION_TABLE) {
    const given = flag(row.flag);
    if (row.type !== "boolean") raw[row.key] = given ?? envValue(env, row.env);
    else if (row.key === "readOnly") raw[row.key] = given ?? envReadOnly(env, warnings) ?? false;
    else raw[row.key] = given ?? envBoolean(env, row.env) ?? false;
  }
  raw["cacheDir"] = raw["noCache"] ? null : (raw["cacheDir"] ?? defaultCacheDir(env));
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue?.message ?? "unknown problem"} (see --help)`);
  }
  const config = result.data;
  // Over HTTP every client acts with the server's one Membrane login: read-only unless writes are allowed.
  if (config.transport === "http" && !config.allowWrites) config.readOnly = true;
  const command = flag("help")
    ? "help"
    : flag("version")
      ? "version"
      : positionals[0] === "doctor"
        ? "doctor"
        : "serve";
  return { command, config, warnings };
}
