/**
 * The REST backend of the seam (backend.ts): Membrane's published REST API from this process, over fetch.
 * No process per call; the only process it ever starts is `membrane token`, once, for the token (token.ts).
 * It answers the same questions as the CLI backend with the same records (contract/records.ts) and fails
 * with the same error kinds; the connection choice stays in connection.ts, which is backend-neutral.
 */
import type { Logger } from "../../log.js";
import { refuseUnrunnableActionId } from "../action-id.js";
import { collectActionPages, MAX_PAGES } from "../action-pages.js";
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
  type RunResult,
} from "../contract/records.js";
import { MEMBRANE_API_VERSION, type MembraneHttp } from "./http.js";
import * as routes from "./routes.js";
import { parseRunAnswer, rawRequestBody } from "./run-answer.js";
import type { TokenSource } from "./token.js";

export class ApiBackend implements MembraneBackend {
  constructor(
    private readonly http: MembraneHttp,
    private readonly tokens: TokenSource,
    private readonly log: Logger,
    private readonly options: { baseUrl: string; sandbox?: boolean },
  ) {}

  get clock(): Clock {
    return this.http.clock;
  }

  get timeoutSeconds(): number {
    return Math.round(this.http.timeoutMs / 1000);
  }

  facts(): BackendFacts {
    const sandbox = this.options.sandbox === true;
    const token = this.tokens.facts();
    return {
      kind: "api",
      display: this.options.baseUrl,
      sandbox,
      login: sandbox
        ? "the embedded sandbox (no real account, no login)"
        : `a Membrane token from ${token.tokenSource}`,
      details: {
        apiUrl: this.options.baseUrl,
        apiVersion: MEMBRANE_API_VERSION,
        tokenSource: token.tokenSource,
        tokenExpiresAt: token.tokenExpiresAt,
      },
    };
  }

  stopAll(): void {
    this.http.stopAll();
  }

  /** The API has no version route: one small authenticated read proves it answers and takes the token. */
  async version(options?: CallOptions): Promise<string> {
    const query = new URLSearchParams({ limit: "1" });
    await this.http.json({ method: "GET", path: "/connections", query }, PageSchema, options);
    return `REST API, ${MEMBRANE_API_VERSION}`;
  }

  async listConnections(options?: CallOptions): Promise<Connection[]> {
    const connections: Connection[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await this.http.json(routes.listConnections(cursor), PageSchema, options);
      connections.push(...parseItems(page.items, ConnectionSchema).valid);
      const next = page.cursor ?? undefined;
      if (!next || seen.has(next) || page.items.length === 0) break;
      seen.add(next);
      cursor = next;
    }
    return connections;
  }

  async findConnectors(term: string, options?: CallOptions): Promise<ConnectorMatch[]> {
    const page = await this.http.json(routes.searchConnectors(term), PageSchema, options);
    return connectorsOf(page.items);
  }

  async listAllActions(
    connectionId: string,
    options: CallOptions & { onPage?: (count: number, page: number) => void } = {},
  ): Promise<ActionListing> {
    // The SDK's fetch-all starts at cursor "0" (membrane-rest-api.md, "Paging").
    return collectActionPages(
      (cursor) => this.http.json(routes.listActions(connectionId, cursor ?? "0"), PageSchema, options),
      this.log,
      options,
      "0",
    );
  }

  async searchActions(
    connectionId: string,
    intent: string,
    limit: number,
    options?: CallOptions,
  ): Promise<Action[]> {
    const page = await this.http.json(routes.searchActions(connectionId, intent, limit), PageSchema, options);
    return parseItems(page.items, ActionSchema).valid.slice(0, limit);
  }

  async runAction(
    connectionId: string,
    actionId: string,
    input: unknown,
    options?: CallOptions,
  ): Promise<RunResult> {
    refuseUnrunnableActionId(actionId);
    const text = await this.http.send(routes.runAction(connectionId, actionId, input), options);
    return parseRunAnswer(text, "POST /act");
  }

  /** A raw request through the connection (`POST /act` with `api`); returns the body as text. */
  async request(connectionId: string, request: GuardedRequest, options?: CallOptions): Promise<string> {
    const text = await this.http.send(routes.rawRequest(connectionId, request), options);
    return rawRequestBody(parseRunAnswer(text, "POST /act"));
  }
}
