/** Routes a parsed command line to the command that serves it and returns what goes on stdout. */
import { COMMANDS } from "../../membrane/contract/commands.js";
import { UsageError } from "../failure.js";
import { mintSandboxToken } from "../rest/token.js";
import type { Sandbox } from "../sandbox.js";
import { actionList, actionRun } from "./action-commands.js";
import type { ParsedArgs } from "./args.js";
import { booleanFlag } from "./args.js";
import { connect, connectionList, search } from "./connection-commands.js";
import { request } from "./request-command.js";

const SANDBOX_VERSION = "0.1.0 (customerio-mcp sandbox)";

const USAGE = [
  "Usage: customerio-mcp-sandbox <command> [options]",
  "A simulated Membrane CLI over a fake Customer.io workspace. Commands:",
  ...COMMANDS.map((command) => `  ${command.usage}`),
  "  whoami",
].join("\n");

/** What the command prints: a JSON value, or plain text for `--version` and help. */
export type CommandOutput = { json: unknown } | { text: string };

/*
 * Every command's module is imported up front (no lazy `import()`): the sandbox runs mostly in the server's
 * process now, where a module loaded on first use by a long-lived object is a hazard for test runners that
 * share modules between files, and the bin's start-up is no longer what the tests wait on.
 */
export async function runCommand(args: ParsedArgs, sandbox: Sandbox): Promise<CommandOutput> {
  const [command, sub, ...rest] = args.positionals;
  if (booleanFlag(args, "version") || command === "version") return { text: SANDBOX_VERSION };
  if (command === undefined || booleanFlag(args, "help") || command === "help") return { text: USAGE };
  switch (command) {
    case "connection":
    case "connections":
      if (sub === "list") return { json: connectionList(sandbox) };
      break;
    case "search":
      return { json: search(args, sub) };
    case "connect":
      return { json: connect(args, sandbox) };
    case "action":
    case "actions":
      if (sub === "list") return { json: await actionList(args, sandbox) };
      if (sub === "run") {
        return { json: await actionRun(args, rest[0], sandbox) };
      }
      break;
    case "request": {
      return { json: await request(args, [sub ?? "", ...rest], sandbox) };
    }
    case "token": {
      // A tenant token for this sandbox's REST face (rest/face.ts; rest/serve.ts over the same state folder).
      return { text: mintSandboxToken(sandbox.tokenSecret()) };
    }
    case "login":
    case "whoami":
      return { text: "Logged in to the customerio-mcp sandbox (no real account)." };
  }
  throw new UsageError(`error: unknown command '${[command, sub].filter(Boolean).join(" ")}'\n\n${USAGE}`);
}
