/** Routes a parsed command line to the command that serves it and returns what goes on stdout. */
import { COMMANDS } from "../../membrane/contract/commands.js";
import { UsageError } from "../failure.js";
import type { WorkspaceStore } from "../state/store.js";
import type { ParsedArgs } from "./args.js";
import { booleanFlag } from "./args.js";

const SANDBOX_VERSION = "0.1.0 (customerio-mcp sandbox)";

const USAGE = [
  "Usage: customerio-mcp-sandbox <command> [options]",
  "A simulated Membrane CLI over a fake Customer.io workspace. Commands:",
  ...COMMANDS.map((command) => `  ${command.usage}`),
  "  whoami",
].join("\n");

/** What the command prints: a JSON value, or plain text for `--version` and help. */
type CommandOutput = { json: unknown } | { text: string };

/*
 * Each command's module (and the workspace store, for the commands that read or write the workspace) is
 * imported only when that command runs: every sandbox run is a fresh process, the tests spawn it hundreds
 * of times, and loading the catalog, the API routes or the seed data for `connection list` is start-up CPU
 * spent for nothing.
 */
async function openStore(): Promise<WorkspaceStore> {
  const { stateDirectory, WorkspaceStore } = await import("../state/store.js");
  return new WorkspaceStore(stateDirectory());
}

export async function runCommand(args: ParsedArgs): Promise<CommandOutput> {
  const [command, sub, ...rest] = args.positionals;
  if (booleanFlag(args, "version") || command === "version") return { text: SANDBOX_VERSION };
  if (command === undefined || booleanFlag(args, "help") || command === "help") return { text: USAGE };
  switch (command) {
    case "connection":
    case "connections":
      if (sub === "list") return { json: (await import("./connection-commands.js")).connectionList() };
      break;
    case "search":
      return { json: (await import("./connection-commands.js")).search(args, sub) };
    case "connect":
      return { json: (await import("./connection-commands.js")).connect(args) };
    case "action":
    case "actions":
      if (sub === "list") return { json: (await import("./action-commands.js")).actionList(args) };
      if (sub === "run") {
        const { actionRun } = await import("./action-commands.js");
        return { json: await actionRun(args, rest[0], await openStore()) };
      }
      break;
    case "request": {
      const { request } = await import("./request-command.js");
      return { json: await request(args, [sub ?? "", ...rest], await openStore()) };
    }
    case "token": {
      // A tenant token for the sandbox's REST face (rest/serve.ts) over the same state folder.
      const { mintSandboxToken, stateSecret } = await import("../rest/token.js");
      const { stateDirectory } = await import("../state/store.js");
      return { text: mintSandboxToken(stateSecret(stateDirectory())) };
    }
    case "login":
    case "whoami":
      return { text: "Logged in to the customerio-mcp sandbox (no real account)." };
  }
  throw new UsageError(`error: unknown command '${[command, sub].filter(Boolean).join(" ")}'\n\n${USAGE}`);
}
