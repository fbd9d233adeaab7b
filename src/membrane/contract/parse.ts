/**
 * Parses a Membrane command line the way the real CLI (commander) accepts it: `--flag=value` and
 * `--flag value`, the short forms of `request`, positionals anywhere, `--` to end the options. A flag the
 * contract does not have, or that the command does not take, is an error worded as commander words it.
 * The sandbox and the test fixtures both parse with this, so neither can drift from the contract.
 */
import { parseArgs } from "node:util";
import { CLI_OPTIONS, type FlagName, findCommand, GLOBAL_FLAGS } from "./commands.js";

type FlagValues = { [name in FlagName]?: string | boolean | string[] };

export interface ParsedCommandLine {
  positionals: string[];
  flags: FlagValues;
}

/** The command line breaks the contract; `message` is what commander would print. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}

export function parseCliArgs(argv: readonly string[]): ParsedCommandLine {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof CLI_OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: CLI_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    throw new CliUsageError(
      unknown ? `error: unknown option '${unknown[1]}'` : `error: ${message.split("\n")[0]}`,
    );
  }
  const flags = parsed.values as FlagValues;
  const command = findCommand(parsed.positionals);
  if (command) {
    for (const name of Object.keys(flags) as FlagName[]) {
      if (!command.flags.includes(name) && !GLOBAL_FLAGS.includes(name)) {
        throw new CliUsageError(`error: unknown option '--${name}' for '${command.name}'`);
      }
    }
  }
  return { positionals: parsed.positionals, flags };
}
