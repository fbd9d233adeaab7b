/**
 * The CLI's argument list as messages and limits see it. Arguments carry data, so messages and logs show
 * subcommands and flag names, never values. An argument list the operating system would refuse to spawn
 * (E2BIG) is refused before spawning: the failure would otherwise repeat the whole command line, every value.
 * The limits are conservative: Linux refuses one argument over 128 KiB (MAX_ARG_STRLEN) and arguments plus
 * environment over ARG_MAX (a quarter of the stack limit, usually 2 MiB); macOS has 1 MiB for both together;
 * Windows takes a command line of at most 32,767 characters. The messages name sizes and flags, never values.
 */
import { CliError } from "../../errors.js";

/** Any single argument longer than this fails to spawn on Linux (MAX_ARG_STRLEN is 128 KiB). */
export const MAX_ARGUMENT_BYTES = 120_000;
/** Arguments and environment together, with each string's pointer and NUL counted (POSIX). */
const MAX_TOTAL_BYTES = 900_000;
/** The whole command line on Windows, in characters. */
const MAX_WINDOWS_CHARS = 30_000;

const POINTER_BYTES = 8;
const HINT =
  "Send less data at once: split the input into several calls, or keep only the fields that are needed.";

function sizeOf(text: string): number {
  return Buffer.byteLength(text) + 1 + POINTER_BYTES;
}

/** What to call an argument in a message: its flag name, never its value. */
function nameOf(arg: string): string {
  return arg.startsWith("--") ? `\`${arg.split("=")[0]}\`` : "a positional argument";
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);

/** The command line for logs and messages: the subcommand and flag names, never values (they may be data). */
export function describeArgs(args: readonly string[]): string {
  const shown: string[] = [];
  for (const arg of args) {
    if (arg.startsWith("--")) shown.push(arg.split("=")[0] ?? arg);
    else if (shown.length < 2 && !arg.startsWith("-") && /^[a-z-]+$/.test(arg)) shown.push(arg);
  }
  return `membrane ${shown.join(" ")}`.trim();
}

/** Throws a short CliError ("too-large") when `argv` with `env` could not be spawned on this platform. */
export function checkArgvSize(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): void {
  if (platform === "win32") {
    const chars = argv.reduce((total, arg) => total + arg.length + 3, 0);
    if (chars > MAX_WINDOWS_CHARS) throw tooLarge(`${chars} characters of arguments`, "32,767 characters");
    return;
  }
  let largest = "";
  for (const arg of argv) {
    if (Buffer.byteLength(arg) > Buffer.byteLength(largest)) largest = arg;
  }
  const largestBytes = Buffer.byteLength(largest);
  if (largestBytes > MAX_ARGUMENT_BYTES) {
    throw tooLarge(
      `${nameOf(largest)} is ${kb(largestBytes)} KB`,
      `${kb(MAX_ARGUMENT_BYTES)} KB for one argument`,
    );
  }
  let total = argv.reduce((sum, arg) => sum + sizeOf(arg), 0);
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined) total += sizeOf(`${name}=${value}`);
  }
  if (total > MAX_TOTAL_BYTES) {
    throw tooLarge(
      `${kb(total)} KB of arguments, the largest ${nameOf(largest)} with ${kb(largestBytes)} KB`,
      `${kb(MAX_TOTAL_BYTES)} KB in all`,
    );
  }
}

function tooLarge(what: string, limit: string): CliError {
  return new CliError(
    "too-large",
    `The request is too large to pass to the Membrane CLI (${what}; the limit is ${limit}). Nothing was sent.`,
    { hint: HINT },
  );
}
