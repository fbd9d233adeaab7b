/** Routes a parsed command line to the command that serves it and returns what goes on stdout. */
import { COMMANDS } from "../../membrane/contract/commands.js";
import { UsageError } from "../failure.js";
import type { WorkspaceStore } from "../state/store.js";
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
type CommandOutput = { json: unknown } | { text: string };

export async function runCommand(args: ParsedArgs, store: WorkspaceStore): Promise<CommandOutput> {
  const [command, sub, ...rest] = args.positionals;
  if (booleanFlag(args, "version") || command === "version") return { text: SANDBOX_VERSION };
  if (command === undefined || booleanFlag(args, "help") || command === "help") return { text: USAGE };
  switch (command) {
    case "connection":
    case "connections":
      if (sub === "list") return { json: connectionList() };
      break;
    case "search":
      return { json: search(args, sub) };
    case "connect":
      return { json: connect(args) };
    case "action":
    case "actions":
      if (sub === "list") return { json: actionList(args) };
      if (sub === "run") return { json: await actionRun(args, rest[0], store) };
      break;
    case "request":
      return { json: await request(args, [sub ?? "", ...rest], store) };
    case "login":
    case "whoami":
      return { text: "Logged in to the customerio-mcp sandbox (no real account)." };
  }
  throw new UsageError(`error: unknown command '${[command, sub].filter(Boolean).join(" ")}'\n\n${USAGE}`);
}
