/**
 * The Membrane CLI's commands as typed calls: connections, connector search, actions (with paging), action
 * runs and raw requests. It knows the contract's argv and output shapes; spawning lives in cli.ts.
 * Positional arguments that carry data (an action id, a connection id, a path) go after `--`, so none can
 * ever be read as a flag, whatever it starts with.
 */
import { UserInputError } from "../errors.js";
import type { GuardedRequest } from "../guard/proxy-guard.js";
import type { Logger } from "../log.js";
import type { CliRunOptions, MembraneCli } from "./cli.js";
import {
  type Action,
  ActionSchema,
  type Connection,
  ConnectionSchema,
  ConnectorSchema,
  PageSchema,
  parseItems,
  type RunResult,
  RunResultSchema,
} from "./contract/records.js";

/** Safety stop for a pager that never ends. */
const MAX_PAGES = 200;
const PAGE_LIMIT = 1000;

interface ActionListing {
  actions: Action[];
  /** Items that did not look like actions and were skipped. */
  skipped: number;
  pages: number;
}

export class MembraneClient {
  constructor(
    readonly cli: MembraneCli,
    private readonly log: Logger,
  ) {}

  async version(options?: CliRunOptions): Promise<string> {
    return (await this.cli.run(["--version"], options)).trim().split("\n")[0] ?? "";
  }

  async listConnections(options?: CliRunOptions): Promise<Connection[]> {
    const page = await this.cli.json(["connection", "list", "--json"], PageSchema, options);
    return parseItems(page.items, ConnectionSchema).valid;
  }

  async findConnectors(
    term: string,
    options?: CliRunOptions,
  ): Promise<Array<{ id: string; name?: string | undefined }>> {
    const page = await this.cli.json(
      ["search", term, "--elementType=connector", "--json"],
      PageSchema,
      options,
    );
    return parseItems(page.items, ConnectorSchema).valid.map((item) => ({
      id: item.element.id,
      name: item.element.name,
    }));
  }

  /** Every action of the connection, following cursors until none comes back or a page repeats. */
  async listAllActions(
    connectionId: string,
    options: CliRunOptions & { onPage?: (count: number, page: number) => void } = {},
  ): Promise<ActionListing> {
    const byId = new Map<string, Action>();
    const seenCursors = new Set<string>();
    let cursor: string | undefined;
    let skipped = 0;
    let pages = 0;
    while (pages < MAX_PAGES) {
      const args = ["action", "list", `--connectionId=${connectionId}`, `--limit=${PAGE_LIMIT}`, "--json"];
      if (cursor) args.push(`--cursor=${cursor}`);
      const page = await this.cli.json(args, PageSchema, options);
      pages++;
      const parsed = parseItems(page.items, ActionSchema);
      skipped += parsed.skipped;
      const before = byId.size;
      for (const action of parsed.valid) if (!byId.has(action.id)) byId.set(action.id, action);
      options.onPage?.(byId.size, pages);
      const next = page.cursor ?? undefined;
      if (!next || seenCursors.has(next) || (byId.size === before && parsed.valid.length > 0)) break;
      seenCursors.add(next);
      cursor = next;
    }
    if (pages >= MAX_PAGES) this.log.warning(`Stopped listing actions after ${MAX_PAGES} pages`);
    return { actions: [...byId.values()], skipped, pages };
  }

  /** Membrane's semantic search over the connection's actions. */
  async searchActions(
    connectionId: string,
    intent: string,
    limit: number,
    options?: CliRunOptions,
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
    options?: CliRunOptions,
  ): Promise<RunResult> {
    // `--` already keeps it a positional; an id like this is no catalog id an agent should be running.
    if (actionId.startsWith("-") || actionId === "") {
      throw new UserInputError(
        `Refused: the action id ${JSON.stringify(actionId)} is empty or starts with "-"`,
        "Run an action from the catalog: find it with search_actions and pass its id, key or tool name.",
      );
    }
    const args = [
      "action",
      "run",
      `--connectionId=${connectionId}`,
      `--input=${JSON.stringify(input ?? {})}`,
      "--json",
      "--",
      actionId,
    ];
    return this.cli.json(args, RunResultSchema, options);
  }

  /** A raw request through `membrane request`; returns the response body as printed. */
  async request(connectionId: string, request: GuardedRequest, options?: CliRunOptions): Promise<string> {
    const args = ["request", `--method=${request.method}`];
    for (const [name, value] of request.headers) args.push(`--header=${name}: ${value}`);
    for (const [key, value] of request.query) args.push(`--query=${key}=${value}`);
    if (request.body !== undefined) args.push(`--data=${request.body}`);
    args.push("--", connectionId, request.path);
    return this.cli.run(args, options);
  }
}
