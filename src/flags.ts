/**
 * Reads argv into flag values and the command, with errors in this project's words: an unknown flag names the
 * nearest real ones, a switch given a value or a flag missing its value says so. Node's parseArgs splits the
 * words (non-strict, so `--timeout -1` is a value that the option table then refuses, not "ambiguous").
 */
import { parseArgs } from "node:util";
import { ConfigError } from "./errors.js";
import { nearestNames } from "./nearest-names.js";
import { HTTP_TOKEN_ENV, OPTION_TABLE, SWITCH } from "./options.js";

export type Command = "serve" | "doctor" | "help" | "version";

const COMMAND_SWITCHES = ["help", "version"];
const ROWS = new Map<string, (typeof OPTION_TABLE)[number]>(OPTION_TABLE.map((row) => [row.flag, row]));
const SEE_HELP = "(see --help)";

function unknownFlag(rawName: string, name: string): ConfigError {
  if (name === "token")
    return new ConfigError(
      `--token is not a flag (a command line is visible to every user): set ${HTTP_TOKEN_ENV} or use --token-file`,
    );
  const near = nearestNames(name, [...ROWS.keys(), ...COMMAND_SWITCHES], 2).map((flag) => `--${flag}`);
  const hint = near.length > 0 ? `; did you mean ${near.join(" or ")}?` : "";
  return new ConfigError(`unknown option ${rawName}${hint} ${SEE_HELP}`);
}

export function readFlags(argv: string[]): { flags: Map<string, string | boolean>; command: Command } {
  const options: Record<string, { type: "string" | "boolean" }> = {
    help: { type: "boolean" },
    version: { type: "boolean" },
  };
  for (const row of OPTION_TABLE) options[row.flag] = { type: row.value === SWITCH ? "boolean" : "string" };
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const flags = new Map<string, string | boolean>();
  const positionals: string[] = [];
  let afterTerminator = false;
  for (const token of tokens) {
    if (token.kind === "option-terminator") afterTerminator = true;
    else if (token.kind === "positional")
      positionals.push(afterTerminator ? `-- ${token.value}` : token.value);
    else {
      const row = ROWS.get(token.name);
      const isSwitch = row === undefined ? COMMAND_SWITCHES.includes(token.name) : row.value === SWITCH;
      if (row === undefined && !isSwitch) throw unknownFlag(token.rawName, token.name);
      if (isSwitch && token.value !== undefined)
        throw new ConfigError(
          `${token.rawName} is a switch and takes no value; leave it out for off ${SEE_HELP}`,
        );
      const value = token.value;
      if (
        !isSwitch &&
        (value === undefined || value === "" || (value.startsWith("--") && ROWS.has(value.slice(2))))
      )
        throw new ConfigError(
          `${token.rawName} needs a value: ${token.rawName} ${row?.arg ?? ""} ${SEE_HELP}`,
        );
      flags.set(token.name, value ?? true);
    }
  }
  const [first, ...others] = positionals;
  if ((first !== undefined && first !== "doctor") || others.length > 0)
    throw new ConfigError(
      `unexpected argument "${first === "doctor" ? others[0] : first}": the only command is doctor, and options start with -- ${SEE_HELP}`,
    );
  const command: Command = flags.has("help")
    ? "help"
    : flags.has("version")
      ? "version"
      : first === "doctor"
        ? "doctor"
        : "serve";
  return { flags, command };
}
