/**
 * The sandbox's command line, parsed by the contract's own parser (src/membrane/contract/parse.ts), so
 * the sandbox accepts exactly what the Membrane CLI accepts; plus readers for the parsed flags.
 */
import type { FlagName } from "../../membrane/contract/commands.js";
import { CliUsageError, type ParsedCommandLine, parseCliArgs } from "../../membrane/contract/parse.js";
import { UsageError } from "../failure.js";

export type ParsedArgs = ParsedCommandLine;

export function parseCommandLine(argv: string[]): ParsedArgs {
  try {
    return parseCliArgs(argv);
  } catch (error) {
    throw error instanceof CliUsageError ? new UsageError(error.message) : error;
  }
}

/** A string flag's value; `undefined` when absent, a usage error when given without a value. */
export function stringFlag(args: ParsedArgs, name: FlagName): string | undefined {
  const value = args.flags[name];
  if (value === undefined) return undefined;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  if (typeof last !== "string") throw new UsageError(`error: option '--${name} <value>' argument missing`);
  return last;
}

/** Every value of a repeatable string flag, in order. */
export function listFlag(args: ParsedArgs, name: FlagName): string[] {
  const value = args.flags[name];
  if (value === undefined) return [];
  const all = Array.isArray(value) ? value : [value];
  return all.map((item) => {
    if (typeof item !== "string") throw new UsageError(`error: option '--${name} <value>' argument missing`);
    return item;
  });
}

export function booleanFlag(args: ParsedArgs, name: FlagName): boolean {
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
