/**
 * Parses a Membrane-style command line with node:util parseArgs. Flags may come as `--flag=value` or
 * `--flag value`, before or after positionals; flags the sandbox does not know are accepted and ignored,
 * as a newer CLI would accept them.
 */
import { parseArgs } from "node:util";
import { UsageError } from "./failure.js";

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

const OPTIONS = {
  json: { type: "boolean" },
  version: { type: "boolean" },
  help: { type: "boolean" },
  rawData: { type: "boolean" },
  tenant: { type: "boolean" },
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
} as const;

export function parseCommandLine(argv: string[]): ParsedArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
  });
  return { positionals, flags: values };
}

/** A string flag's value; `undefined` when absent, a usage error when given without a value. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === undefined) return undefined;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  if (typeof last !== "string") throw new UsageError(`error: option '--${name} <value>' argument missing`);
  return last;
}

/** Every value of a repeatable string flag, in order. */
export function listFlag(args: ParsedArgs, name: string): string[] {
  const value = args.flags[name];
  if (value === undefined) return [];
  const all = Array.isArray(value) ? value : [value];
  return all.map((item) => {
    if (typeof item !== "string") throw new UsageError(`error: option '--${name} <value>' argument missing`);
    return item;
  });
}

export function booleanFlag(args: ParsedArgs, name: string): boolean {
  const value = args.flags[name];
  return value === true || value === "true";
}

/** Splits `k=v` pairs as given to `--query` and `--pathParam`. */
export function keyValuePairs(items: string[], flag: string): [string, string][] {
  return items.map((item) => {
    const at = item.indexOf("=");
    if (at <= 0) throw new UsageError(`error: --${flag} expects "key=value", got "${item}"`);
    return [item.slice(0, at), item.slice(at + 1)];
  });
}
