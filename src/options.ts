/**
 * The options, one row each (flag, configuration key, type, environment variable, default shown to people,
 * meaning): the single table that drives parsing (config.ts), `--help`, and the README's table (a test
 * compares them).
 */

import { SCHEMA_PROFILES, type SchemaProfile } from "./schema/types.js";

export { SCHEMA_PROFILES, type SchemaProfile };
export const TRANSPORTS = ["stdio", "http"] as const;
/** When to ask the person (MCP elicitation) before an action runs: see tools/confirm.ts. */
export const CONFIRM_MODES = ["high-blast", "never"] as const;

/** The HTTP bearer token comes from the environment (or a file), never from a flag: argv is visible to all. */
export const HTTP_TOKEN_ENV = "CUSTOMERIO_MCP_HTTP_TOKEN";

/**
 * How an option's value is read: a boolean is a bare flag (`--read-only`) or true/false in its environment
 * variable; every other type is text that the configuration schema (config.ts) checks and converts.
 */
type OptionType = "boolean" | "string" | "number" | "list" | "enum";

interface OptionRow {
  flag: string;
  /**
   * Where the value lands in Config (config.ts types its raw values by Config's keys, so a wrong key does not
   * compile); `noCache` decides `cacheDir` (null) instead.
   */
  key: string;
  type: OptionType;
  /** The argument shown after the flag in `--help` and the README; empty for a boolean. */
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
    type: "string",
    arg: "<path>",
    env: "MEMBRANE_CLI",
    shownDefault: "`membrane` on PATH, then common install dirs",
    meaning: "the Membrane CLI to run",
  },
  {
    flag: "connection-id",
    key: "connectionId",
    type: "string",
    arg: "<id>",
    env: "CUSTOMERIO_CONNECTION_ID",
    shownDefault: "found with `connection list`",
    meaning: "the Customer.io connection",
  },
  {
    flag: "read-only",
    key: "readOnly",
    type: "boolean",
    arg: "",
    env: "CUSTOMERIO_MCP_READ_ONLY",
    shownDefault: "off",
    meaning: "only tools that cannot change data; everything else refused",
  },
  {
    flag: "read-only-allow",
    key: "readOnlyAllow",
    type: "list",
    arg: "<list>",
    env: "CUSTOMERIO_MCP_READ_ONLY_ALLOW",
    shownDefault: "none",
    meaning: "operations (tool names, keys or globs) you know only read data, allowed in read-only mode",
  },
  {
    flag: "tools",
    key: "tools",
    type: "list",
    arg: "<list>",
    env: "CUSTOMERIO_MCP_TOOLS",
    shownDefault: "all",
    meaning: "comma-separated tool names or globs to offer as direct tools",
  },
  {
    flag: "exclude-tools",
    key: "excludeTools",
    type: "list",
    arg: "<list>",
    env: "CUSTOMERIO_MCP_EXCLUDE_TOOLS",
    shownDefault: "none",
    meaning: "comma-separated tool names or globs to leave out",
  },
  {
    flag: "max-tools",
    key: "maxTools",
    type: "number",
    arg: "<n>",
    env: "CUSTOMERIO_MCP_MAX_TOOLS",
    shownDefault: "40",
    meaning: "cap on direct tools (generic ones included); the rest via search/run",
  },
  {
    flag: "timeout",
    key: "timeoutSeconds",
    type: "number",
    arg: "<seconds>",
    env: "CUSTOMERIO_MCP_TIMEOUT",
    shownDefault: "45",
    meaning:
      "per tool call, counted from its arrival: the wait for discovery, connection resolution, queue, retries and CLI run; below the 60 s at which clients give up",
  },
  {
    flag: "max-output",
    key: "maxOutput",
    type: "number",
    arg: "<chars>",
    env: "CUSTOMERIO_MCP_MAX_OUTPUT",
    shownDefault: "40000",
    meaning: "cap on a result's text; more is cut with a note",
  },
  {
    flag: "cache-dir",
    key: "cacheDir",
    type: "string",
    arg: "<dir>",
    env: "CUSTOMERIO_MCP_CACHE_DIR",
    shownDefault: "the OS cache dir",
    meaning: "where the discovered catalog is kept",
  },
  {
    flag: "no-cache",
    key: "noCache",
    type: "boolean",
    arg: "",
    env: "CUSTOMERIO_MCP_NO_CACHE",
    shownDefault: "off",
    meaning: "do not read or write the catalog cache",
  },
  {
    flag: "confirm",
    key: "confirm",
    type: "enum",
    arg: "<when>",
    env: "CUSTOMERIO_MCP_CONFIRM",
    shownDefault: "high-blast",
    meaning:
      "`high-blast`: ask the person (elicitation) before sending messages or deleting data; `never`: do not ask",
  },
  {
    flag: "schema-profile",
    key: "schemaProfile",
    type: "enum",
    arg: "<p>",
    env: "CUSTOMERIO_MCP_SCHEMA_PROFILE",
    shownDefault: "default",
    meaning: "`default`, `gemini` or `openai-strict`",
  },
  {
    flag: "sandbox",
    key: "sandbox",
    type: "boolean",
    arg: "",
    env: "CUSTOMERIO_MCP_SANDBOX",
    shownDefault: "off",
    meaning: "use the embedded sandbox instead of a real Membrane account",
  },
  {
    flag: "transport",
    key: "transport",
    type: "enum",
    arg: "<t>",
    env: "CUSTOMERIO_MCP_TRANSPORT",
    shownDefault: "stdio",
    meaning: "`stdio`, or `http` for Streamable HTTP at /mcp (both protocol eras, stateless)",
  },
  {
    flag: "host",
    key: "host",
    type: "string",
    arg: "<host>",
    env: "CUSTOMERIO_MCP_HOST",
    shownDefault: "127.0.0.1",
    meaning: "HTTP: the address to listen on; another than loopback needs a token and --allowed-hosts",
  },
  {
    flag: "port",
    key: "port",
    type: "number",
    arg: "<n>",
    env: "CUSTOMERIO_MCP_PORT",
    shownDefault: "3000",
    meaning: "HTTP: the port to listen on (0 picks a free one)",
  },
  {
    flag: "token-file",
    key: "tokenFile",
    type: "string",
    arg: "<path>",
    env: "CUSTOMERIO_MCP_TOKEN_FILE",
    shownDefault: "generated on loopback",
    meaning: `HTTP: file holding the bearer token (owner-only); or set ${HTTP_TOKEN_ENV}`,
  },
  {
    flag: "no-auth",
    key: "noAuth",
    type: "boolean",
    arg: "",
    env: "CUSTOMERIO_MCP_NO_AUTH",
    shownDefault: "off",
    meaning: "HTTP: accept requests without a token (loopback host only)",
  },
  {
    flag: "allowed-hosts",
    key: "allowedHosts",
    type: "list",
    arg: "<list>",
    env: "CUSTOMERIO_MCP_ALLOWED_HOSTS",
    shownDefault: "loopback names",
    meaning: "HTTP: comma-separated Host header names to accept; others get 403",
  },
  {
    flag: "allowed-origins",
    key: "allowedOrigins",
    type: "list",
    arg: "<list>",
    env: "CUSTOMERIO_MCP_ALLOWED_ORIGINS",
    shownDefault: "loopback origins",
    meaning: "HTTP: comma-separated browser origins (host names) to accept; others get 403",
  },
  {
    flag: "allow-writes",
    key: "allowWrites",
    type: "boolean",
    arg: "",
    env: "CUSTOMERIO_MCP_ALLOW_WRITES",
    shownDefault: "off",
    meaning: "HTTP: let clients change data (HTTP is read-only without it)",
  },
  {
    flag: "log-level",
    key: "logLevel",
    type: "enum",
    arg: "<level>",
    env: "CUSTOMERIO_MCP_LOG_LEVEL",
    shownDefault: "info",
    meaning: "stderr log threshold: debug, info, warning or error",
  },
] as const satisfies readonly OptionRow[];

/** The text of `--help`, built from the same table as the parser. */
export function helpText(version: string): string {
  const lines = [
    `customerio-mcp ${version}: an MCP server (stdio or HTTP) for Customer.io through the Membrane CLI`,
    "",
    "Usage: customerio-mcp [options]          serve MCP over stdio (--transport http: Streamable HTTP)",
    "       customerio-mcp doctor [options]   check the setup, one line per check",
    "",
    "Options (flags win over environment variables, which win over defaults):",
  ];
  for (const row of OPTION_TABLE) {
    lines.push(`  --${row.flag}${row.arg ? ` ${row.arg}` : ""}`);
    lines.push(`      ${row.meaning}. Env: ${row.env}. Default: ${row.shownDefault.replaceAll("`", "")}.`);
  }
  lines.push("  --help      show this text", "  --version   print the version");
  lines.push(
    "",
    `HTTP bearer token: ${HTTP_TOKEN_ENV} or --token-file; on loopback without either, one is generated`,
    "into an owner-only file whose path is printed on stderr. Clients send it as `Authorization: Bearer`.",
  );
  return lines.join("\n");
}
