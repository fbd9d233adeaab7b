/** Routes a parsed command line to the command that serves it and returns what goes on stdout. */
import { COMMANDS } from "../../membrane/contract/commands.js";
import { UsageError } from "../failure.js";
import type { Sandbox } from "../sandbox.js";
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
export type CommandOutput = { json: unknown } | { text: string };

/*
 * Each command's module is imported only when that command runs: a bin run is a fresh process, and loading
 * the catalog, the API routes or the seed data for `connection list` is start-up CPU spent for nothing.
 */
export async function runCommand(args: ParsedArgs, sandbox: Sandbox): Promise<CommandOutput> {
  const [command, sub, ...rest] = args.positionals;
  if (booleanFlag(args, "version") || command === "version") return { text: SANDBOX_VERSION };
  if (command === undefined || booleanFlag(args, "help") || command === "help") return { text: USAGE };
  switch (command) {
    case "connection":
    case "connections":
      if (sub === "list") return { json: (await import("./connection-commands.js")).connectionList(sandbox) };
      break;
    case "search":
      return { json: (await import("./connection-commands.js")).search(args, sub) };
    case "connect":
      return { json: (await import("./connection-commands.js")).connect(args, sandbox) };
    case "action":
    case "actions":
      if (sub === "list")
        return { json: await (await import("./action-commands.js")).actionList(args, sandbox) };
      if (sub === "run") {
        const { actionRun } = await import("./action-commands.js");
        return { json: await actionRun(args, rest[0], sandbox) };
      }
      break;
    case "request": {
      const { request } = await import("./request-command.js");
      return { json: await request(args, [sub ?? "", ...rest], sandbox) };
    }
    case "token": {
      // A tenant token for this sandbox's REST face (rest/face.ts; rest/serve.ts over the same state folder).
      const { mintSandboxToken } = await import("../rest/token.js");
      return { text: mintSandboxToken(sandbox.tokenSecret()) };
    }
    case "login":
    case "whoami":
      return { text: "Logged in to the customerio-mcp sandbox (no real account)." };
  }
  throw new UsageError(`error: unknown command '${[command, sub].filter(Boolean).join(" ")}'\n\n${USAGE}`);
}
