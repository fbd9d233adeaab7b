/**
 * The CLI backend of the seam (backend.ts): the Membrane CLI's commands as typed calls: connections,
 * connector search, actions (with paging), action runs and raw requests. It knows the contract's argv and
 * output shapes; running the command lives in cli.ts.
 * Positional arguments that carry data (an action id, a connection id, a path) go after `--`, so none can
 * ever be read as a flag, whatever it starts with.
 */
import { CliError } from "../../errors.js";
import type { Logger } from "../../log.js";
import { refuseUnrunnableActionId } from "../action-id.js";
import { collectActionPages } from "../action-pages.js";
import type { ActionListing, BackendFacts, CallOptions, MembraneBackend } from "../backend.js";
import type { Clock } from "../clock.js";
import type { GuardedRequest } from "../contract/raw-request.js";
import {
  type Action,
  ActionSchema,
  type Connection,
  ConnectionSchema,
  type ConnectorMatch,
  connectorsOf,
  PageSchema,
  parseItems,
  parseRunAnswer,
  type RunResult,
} from "../contract/records.js";
import type { MembraneCli } from "./cli.js";

/** Actions asked for a page (the contract's maximum). */
const PAGE_LIMIT = 1000;

/** Whose login the CLI uses, in words (the sandbox has none). */
const CLI_LOGIN = "the Membrane CLI's own login of the user running this server (in ~/.membrane)";

export class CliBackend implements MembraneBackend {
  constructor(
    private readonly cli: MembraneCli,
    private readonly log: Logger,
    private readonly options: { sandbox?: boolean } = {},
  ) {}

  get clock(): Clock {
    return this.cli.clock;
  }

  get timeoutSeconds(): number {
    return this.cli.timeoutSeconds;
  }

  facts(): BackendFacts {
    const sandbox = this.options.sandbox === true;
    return {
      kind: "cli",
      display: this.cli.display,
      sandbox,
      login: sandbox ? "the embedded sandbox (no real account, no login)" : CLI_LOGIN,
    };
  }

  stopAll(): void {
    this.cli.stopAll();
  }

  async version(options?: CallOptions): Promise<string> {
    return (await this.cli.run(["--version"], options)).trim().split("\n")[0] ?? "";
  }

  async listConnections(options?: CallOptions): Promise<Connection[]> {
    const page = await this.cli.json(["connection", "list", "--json"], PageSchema, options);
    return parseItems(page.items, ConnectionSchema).valid;
  }

  async findConnectors(term: string, options?: CallOptions): Promise<ConnectorMatch[]> {
    const page = await this.cli.json(
      ["search", term, "--elementType=connector", "--json"],
      PageSchema,
      options,
    );
    return connectorsOf(page.items);
  }

  /** Every action of the connection, following cursors until none comes back or a page repeats. */
  async listAllActions(
    connectionId: string,
    options: CallOptions & { onPage?: (count: number, page: number) => void } = {},
  ): Promise<ActionListing> {
    return collectActionPages(
      (cursor) => {
        const args = ["action", "list", `--connectionId=${connectionId}`, `--limit=${PAGE_LIMIT}`, "--json"];
        if (cursor) args.push(`--cursor=${cursor}`);
        return this.cli.json(args, PageSchema, options);
      },
      this.log,
      options,
    );
  }

  /** Membrane's semantic search over the connection's actions. */
  async searchActions(
    connectionId: string,
    intent: string,
    limit: number,
    options?: CallOptions,
  ): Promise<Action[]> {
    const args = [
      "action",
      "list",
      `--connectionId=${connectionId}`,
      `--intent=${intent}`,
      `--limit=${limit}`,
      "--json",
    ];
    const page = await this.cli.json(args, PageSchema, options);
    return parseItems(page.items, ActionSchema).valid.slice(0, limit);
  }

  async runAction(
    connectionId: string,
    actionId: string,
    input: unknown,
    options?: CallOptions,
  ): Promise<RunResult> {
    refuseUnrunnableActionId(actionId);
    const args = [
      "action",
      "run",
      `--connectionId=${connectionId}`,
      `--input=${JSON.stringify(input ?? {})}`,
      "--json",
      "--",
      actionId,
    ];
    // Read without losing a digit (contract/records.ts parseRunAnswer): the output is the user's data.
    const answer = parseRunAnswer(await this.cli.run(args, options));
    if (answer.ok) return answer.run;
    const command = `${this.cli.display} action run`;
    throw new CliError(
      "bad-output",
      answer.problem === "not-json"
        ? `The Membrane CLI (${command}) printed something that is not JSON.`
        : `The Membrane CLI printed JSON of an unexpected shape for \`${command}\` (at ${answer.where}).`,
      {
        hint:
          answer.problem === "not-json"
            ? "Check that MEMBRANE_CLI points at the Membrane CLI (npm @membranehq/cli) and that `membrane --version` works."
            : "The CLI may be a newer or older version than this server knows: run `membrane --version` and report it.",
      },
    );
  }

  /** A raw request through `membrane request`; returns the response body as printed. */
  async request(connectionId: string, request: GuardedRequest, options?: CallOptions): Promise<string> {
    const args = ["request", `--method=${request.method}`];
    for (const [name, value] of request.headers) args.push(`--header=${name}: ${value}`);
    for (const [key, value] of request.query) args.push(`--query=${key}=${value}`);
    if (request.body !== undefined) args.push(`--data=${request.body}`);
    args.push("--", connectionId, request.path);
    return this.cli.run(args, options);
  }
}
