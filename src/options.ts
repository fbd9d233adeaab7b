/**
 * The options, one row each: flag, configuration key, the value's schema (what is allowed, its default, and
 * the words of the error when a value does not fit), environment variable, default shown to people, meaning.
 * This table is the only declaration of an option: config.ts parses flags and the environment with it and
 * derives Config's type from it, help-text.ts prints it, and the README's table is checked against it.
 */
import { z } from "zod";
import { SCHEMA_PROFILES, type SchemaProfile } from "./schema/types.js";

export { SCHEMA_PROFILES, type SchemaProfile };
export const TRANSPORTS = ["stdio", "http"] as const;
/** When to ask the person (MCP elicitation) before an action runs: see tools/confirm.ts. */
export const CONFIRM_MODES = ["high-blast", "never"] as const;
export const LOG_LEVELS = ["debug", "info", "warning", "error"] as const;
/** How the server reaches Membrane: a CLI process per call, or Membrane's REST API from this process. */
export const BACKENDS = ["cli", "api"] as const;
export const DEFAULT_MEMBRANE_API_URL = "https://api.getmembrane.com";
/** A Membrane token given by a person (environment only, never a flag): used as is, never refreshed. */
export const MEMBRANE_TOKEN_ENV = "MEMBRANE_TOKEN";

/** The HTTP bearer token comes from the environment (or a file), never from a flag: argv is visible to all. */
export const HTTP_TOKEN_ENV = "CUSTOMERIO_MCP_HTTP_TOKEN";
/** The token's schema; its messages follow the rows' form ("must ..."), after the variable's name. */
export const HTTP_TOKEN_VALUE = z.string().min(16, { error: "must be at least 16 characters" }).optional();

/**
 * Values arrive as text (a flag's argument or an environment variable) except a switch's, which the parser
 * reads as a boolean (a bare flag, or true/false in its variable). Each message completes "--flag ..." or
 * "VARIABLE ...", so an error names where the bad value came from and says what is allowed.
 */
export const SWITCH = z.boolean().default(false);
const text = z.string().min(1, { error: "must not be empty" });
const list = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);
function wholeNumber(min: number, max: number) {
  const allowed = { error: `must be a whole number from ${min} to ${max}` };
  return z.coerce.number(allowed).int(allowed).min(min, allowed).max(max, allowed);
}
function oneOf<const T extends readonly [string, ...string[]]>(choices: T) {
  return z.enum(choices, { error: `must be one of ${choices.join(", ")}` });
}

/** An http(s) URL without a query or fragment, kept without its trailing slash. */
const apiUrl = z
  .string()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.search && !url.hash;
      } catch {
        return false;
      }
    },
    { error: `must be an http(s) URL without a query, e.g. ${DEFAULT_MEMBRANE_API_URL}` },
  )
  .transform((value) => value.replace(/\/+$/, ""));

interface OptionRow {
  flag: string;
  /** Where the value lands in Config; `noCache` decides `cacheDir` (null) instead. */
  key: string;
  /** What is allowed and the default; SWITCH for a flag that takes no value. */
  value: z.ZodType;
  /** The argument shown after the flag in `--help` and the README; empty for a switch. */
  arg: string;
  env: string;
  shownDefault: string;
  meaning: string;
}

/** One row per option: flag, configuration key, type, environment variable, default shown, meaning. */
export const OPTION_TABLE = [
  {
    flag: "membrane-cli",
    key: "membraneCli",
    arg: "<path>",
    value: text.optional(),
    env: "MEMBRANE_CLI",
    shownDefault: "`membrane` on PATH, then common install dirs",
    meaning: "the Membrane CLI to run",
  },
  {
    flag: "backend",
    key: "backend",
    arg: "<b>",
    value: oneOf(BACKENDS).default("cli"),
    env: "CUSTOMERIO_MCP_BACKEND",
    shownDefault: "cli",
    meaning: `\`cli\` (a Membrane CLI process per call) or \`api\` (Membrane's REST API from this process, with a token from \`membrane token\` or ${MEMBRANE_TOKEN_ENV})`,
  },
  {
    flag: "membrane-api-url",
    key: "membraneApiUrl",
    arg: "<url>",
    value: apiUrl.default(DEFAULT_MEMBRANE_API_URL),
    env: "MEMBRANE_API_URL",
    shownDefault: DEFAULT_MEMBRANE_API_URL,
    meaning: "Membrane's REST API, for --backend api",
  },
  {
    flag: "connection-id",
    key: "connectionId",
    arg: "<id>",
    value: text.optional(),
    env: "CUSTOMERIO_CONNECTION_ID",
    shownDefault: "found with `connection list`",
    meaning: "the Customer.io connection",
  },
  {
    flag: "read-only",
    key: "readOnly",
    arg: "",
    value: SWITCH,
    env: "CUSTOMERIO_MCP_READ_ONLY",
    shownDefault: "off",
    meaning: "only tools that cannot change data; everything else refused",
  },
  {
    flag: "read-only-allow",
    key: "readOnlyAllow",
    arg: "<list>",
    value: list.default([]),
    env: "CUSTOMERIO_MCP_READ_ONLY_ALLOW",
    shownDefault: "none",
    meaning: "operations (tool names, keys or globs) you know only read data, allowed in read-only mode",
  },
  {
    flag: "tools",
    key: "tools",
    arg: "<list>",
    value: list.optional(),
    env: "CUSTOMERIO_MCP_TOOLS",
    shownDefault: "all",
    meaning: "comma-separated tool names or globs to offer as direct tools",
  },
  {
    flag: "exclude-tools",
    key: "excludeTools",
    arg: "<list>",
    value: list.default([]),
    env: "CUSTOMERIO_MCP_EXCLUDE_TOOLS",
    shownDefault: "none",
    meaning: "comma-separated tool names or globs to leave out",
  },
  {
    flag: "max-tools",
    key: "maxTools",
    arg: "<n>",
    value: wholeNumber(1, 1000).default(40),
    env: "CUSTOMERIO_MCP_MAX_TOOLS",
    shownDefault: "40",
    meaning: "cap on direct tools (generic ones included); the rest via search/run",
  },
  {
    flag: "timeout",
    key: "timeoutSeconds",
    arg: "<seconds>",
    value: wholeNumber(1, 3600).default(45),
    env: "CUSTOMERIO_MCP_TIMEOUT",
    shownDefault: "45",
    meaning:
      "per tool call, counted from its arrival: the wait for discovery, connection resolution, queue, retries and CLI run; below the 60 s at which clients give up",
  },
  {
    flag: "max-output",
    key: "maxOutput",
    arg: "<chars>",
    value: wholeNumber(1000, 10_000_000).default(40_000),
    env: "CUSTOMERIO_MCP_MAX_OUTPUT",
    shownDefault: "40000",
    meaning: "cap on a result's text; more is cut with a note",
  },
  {
    flag: "cache-dir",
    key: "cacheDir",
    arg: "<dir>",
    value: text.optional(),
    env: "CUSTOMERIO_MCP_CACHE_DIR",
    shownDefault: "the OS cache dir (none with --sandbox)",
    meaning: "where the discovered catalog is kept",
  },
  {
    flag: "no-cache",
    key: "noCache",
    arg: "",
    value: SWITCH,
    env: "CUSTOMERIO_MCP_NO_CACHE",
    shownDefault: "off",
    meaning: "do not read or write the catalog cache",
  },
  {
    flag: "confirm",
    key: "confirm",
    arg: "<when>",
    value: oneOf(CONFIRM_MODES).default("high-blast"),
    env: "CUSTOMERIO_MCP_CONFIRM",
    shownDefault: "high-blast",
    meaning:
      "`high-blast`: ask the person (elicitation) before sending messages or deleting data; `never`: do not ask",
  },
  {
    flag: "schema-profile",
    key: "schemaProfile",
    arg: "<p>",
    value: oneOf(SCHEMA_PROFILES).default("default"),
    env: "CUSTOMERIO_MCP_SCHEMA_PROFILE",
    shownDefault: "default",
    meaning: "`default`, `gemini` or `openai-strict`",
  },
  {
    flag: "sandbox",
    key: "sandbox",
    arg: "",
    value: SWITCH,
    env: "CUSTOMERIO_MCP_SANDBOX",
    shownDefault: "off",
    meaning: "use the embedded sandbox instead of a real Membrane account",
  },
  {
    flag: "transport",
    key: "transport",
    arg: "<t>",
    value: oneOf(TRANSPORTS).default("stdio"),
    env: "CUSTOMERIO_MCP_TRANSPORT",
    shownDefault: "stdio",
    meaning: "`stdio`, or `http` for Streamable HTTP at /mcp (both protocol eras, stateless)",
  },
  {
    flag: "host",
    key: "host",
    arg: "<host>",
    value: text.default("127.0.0.1"),
    env: "CUSTOMERIO_MCP_HOST",
    shownDefault: "127.0.0.1",
    meaning: "HTTP: the address to listen on; another than loopback needs a token and --allowed-hosts",
  },
  {
    flag: "port",
    key: "port",
    arg: "<n>",
    value: wholeNumber(0, 65535).default(3000),
    env: "CUSTOMERIO_MCP_PORT",
    shownDefault: "3000",
    meaning: "HTTP: the port to listen on (0 picks a free one)",
  },
  {
    flag: "token-file",
    key: "tokenFile",
    arg: "<path>",
    value: text.optional(),
    env: "CUSTOMERIO_MCP_TOKEN_FILE",
    shownDefault: "generated on loopback",
    meaning: `HTTP: file holding the bearer token (owner-only); or set ${HTTP_TOKEN_ENV}`,
  },
  {
    flag: "no-auth",
    key: "noAuth",
    arg: "",
    value: SWITCH,
    env: "CUSTOMERIO_MCP_NO_AUTH",
    shownDefault: "off",
    meaning: "HTTP: accept requests without a token (loopback host only)",
  },
  {
    flag: "allowed-hosts",
    key: "allowedHosts",
    arg: "<list>",
    value: list.default([]),
    env: "CUSTOMERIO_MCP_ALLOWED_HOSTS",
    shownDefault: "loopback names",
    meaning: "HTTP: comma-separated Host header names to accept; others get 403",
  },
  {
    flag: "allowed-origins",
    key: "allowedOrigins",
    arg: "<list>",
    value: list.default([]),
    env: "CUSTOMERIO_MCP_ALLOWED_ORIGINS",
    shownDefault: "loopback origins",
    meaning: "HTTP: comma-separated browser origins (host names) to accept; others get 403",
  },
  {
    flag: "allow-writes",
    key: "allowWrites",
    arg: "",
    value: SWITCH,
    env: "CUSTOMERIO_MCP_ALLOW_WRITES",
    shownDefault: "off",
    meaning: "HTTP: let clients change data (HTTP is read-only without it)",
  },
  {
    flag: "log-level",
    key: "logLevel",
    arg: "<level>",
    value: oneOf(LOG_LEVELS).default("info"),
    env: "CUSTOMERIO_MCP_LOG_LEVEL",
    shownDefault: "info",
    meaning: "stderr log threshold: debug, info, warning or error",
  },
] as const satisfies readonly OptionRow[];

type Row = (typeof OPTION_TABLE)[number];
/** Every option's parsed value, by key: Config's type (config.ts) is derived from it. */
export type OptionValues = { [R in Row as R["key"]]: z.output<R["value"]> };
export type OptionRowOf = Row;
