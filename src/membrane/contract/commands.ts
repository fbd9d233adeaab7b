/**
 * The Membrane CLI's commands and flags, written once. The adapter (client.ts) builds its argv from them,
 * the sandbox and the test fixtures parse with them (see parse.ts), and docs/membrane-cli-contract.md is
 * checked against them by a test. The flag spellings are the CLI's own (camelCase, commander style).
 */
import type { ParseArgsConfig } from "node:util";

type OptionTable = NonNullable<ParseArgsConfig["options"]>;

/** Every flag of every command, in node:util parseArgs form (also the short forms `request` has). */
export const CLI_OPTIONS = {
  json: { type: "boolean" },
  version: { type: "boolean", short: "V" },
  help: { type: "boolean", short: "h" },
  tenant: { type: "boolean" },
  rawData: { type: "boolean" },
  elementType: { type: "string" },
  connectorId: { type: "string" },
  connectionId: { type: "string" },
  intent: { type: "string" },
  limit: { type: "string" },
  cursor: { type: "string" },
  input: { type: "string" },
  method: { type: "string", short: "X" },
  header: { type: "string", short: "H", multiple: true },
  data: { type: "string", short: "d" },
  query: { type: "string", multiple: true },
  pathParam: { type: "string", multiple: true },
} as const satisfies OptionTable;

export type FlagName = keyof typeof CLI_OPTIONS;

/** Flags every command takes. */
export const GLOBAL_FLAGS: readonly FlagName[] = ["version", "help"];

interface CommandSpec {
  /** The words that name the command, e.g. `action list`. */
  name: string;
  /** The command line as the contract writes it (and the sandbox's --help prints it). */
  usage: string;
  /** The flags it takes besides the global ones; anything else is "unknown option". */
  flags: readonly FlagName[];
}

export const COMMANDS = [
  { name: "connection list", usage: "connection list --json", flags: ["json"] },
  {
    name: "search",
    usage: "search <term> --elementType=connector --json",
    flags: ["elementType", "json"],
  },
  {
    name: "connect",
    usage: "connect --connectorId=<id> | --connectionId=<id> --json",
    flags: ["connectorId", "connectionId", "json"],
  },
  {
    name: "action list",
    usage: "action list --connectionId=<id> [--intent=<text>] [--limit=<n>] [--cursor=<c>] --json",
    flags: ["connectionId", "intent", "limit", "cursor", "json"],
  },
  {
    name: "action run",
    usage: "action run <actionId> --connectionId=<id> --input=<json> --json",
    flags: ["connectionId", "input", "json"],
  },
  {
    name: "request",
    usage:
      'request <connectionId> <path> [-X <method>] [-H "Name: value"] [-d <body>] [--rawData] [--query k=v] [--pathParam k=v] [--json]',
    flags: ["method", "header", "data", "rawData", "query", "pathParam", "json"],
  },
  { name: "token", usage: "token", flags: [] },
  { name: "login", usage: "login --tenant", flags: ["tenant"] },
  { name: "login complete", usage: "login complete <code>", flags: [] },
] as const satisfies readonly CommandSpec[];

/** The command that `positionals` name: the longest match of its leading words, if any. */
export function findCommand(positionals: readonly string[]): CommandSpec | undefined {
  const two = positionals.slice(0, 2).join(" ");
  return COMMANDS.find((command) => command.name === two) ?? COMMANDS.find((c) => c.name === positionals[0]);
}

/** `--name=value`: the form the adapter sends, which no value can turn into a positional or another flag. */
export function flag(name: FlagName, value: string | number): string {
  return `--${name}=${value}`;
}
