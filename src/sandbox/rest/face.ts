/**
 * The sandbox's REST face: the routes of Membrane's REST API that this project uses (docs/membrane-rest-api.md),
 * served over the same simulated workspace, catalog and connection as its CLI face, as a fetch handler
 * `(Request) => Promise<Response>`: in process (the REST backend's injectable fetch) or behind a loopback
 * HTTP server (serve.ts). Every request needs `Authorization: Bearer` with a token the face can verify.
 * The faults of CUSTOMERIO_SANDBOX_FAULT that a REST API can show apply here too (faults.ts of this folder).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { actionRecord } from "../catalog/action-record.js";
import { rankByIntent } from "../catalog/intent.js";
import type { ActionSpec } from "../catalog/types.js";
import { connectorSearchResult, requireConnection, sandboxConnections } from "../connection.js";
import { activeFaults } from "../faults/faults.js";
import type { WorkspaceStore } from "../state/store.js";
import { clampLimit, pageOf } from "../workspace/paging.js";
import { ActRequest, act } from "./act.js";
import { badRequest, failureAnswer, json, notAuthenticated, routeNotFound } from "./answers.js";
import { faultAnswer, faultDelay } from "./faults.js";

export interface RestFaceOptions {
  store: WorkspaceStore;
  catalog: ActionSpec[];
  /** Whether a bearer token is one this sandbox issued (sandbox/rest/token.ts). */
  verifyToken: (token: string) => boolean;
  /** Faults and their tuning (CUSTOMERIO_SANDBOX_*); the process environment by default. */
  env?: NodeJS.ProcessEnv | undefined;
  /** A fixed delay before every answer (the bench's network). */
  latencyMs?: number | undefined;
}

export type FetchHandler = (request: Request) => Promise<Response>;

const CUSTOMERIO_TERM = /customer[\s.-]?io|customerio/i;
const MAX_ACTIONS_PAGE = 1000;

export function createRestFace(options: RestFaceOptions): FetchHandler {
  const env = options.env ?? process.env;
  const faults = activeFaults(env);
  const counter = { calls: 0 };
  return async (request) => {
    if (options.latencyMs) await sleep(options.latencyMs);
    const url = new URL(request.url);
    const bearer = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
    if (!bearer || !options.verifyToken(bearer)) return notAuthenticated();
    const route = `${request.method} ${url.pathname}`;
    const faulted = faultAnswer(faults, route, counter, env);
    if (faulted) return faulted;
    await faultDelay(faults, route, env);
    try {
      return await answer(route, url.searchParams, request, options, env);
    } catch (error) {
      return failureAnswer(error);
    }
  };
}

async function answer(
  route: string,
  query: URLSearchParams,
  request: Request,
  options: RestFaceOptions,
  env: NodeJS.ProcessEnv,
): Promise<Response> {
  switch (route) {
    case "GET /connections":
      return json({ items: sandboxConnections(env) });
    case "GET /search": {
      const term = query.get("q") ?? "";
      if (term === "") return badRequest("q is required");
      const type = query.get("elementType");
      const wanted = (type === null || type === "connector") && CUSTOMERIO_TERM.test(term);
      return json({ items: wanted ? [connectorSearchResult()] : [] });
    }
    case "GET /actions": {
      const connectionId = query.get("connectionId");
      if (!connectionId) return badRequest("connectionId is required here");
      requireConnection(connectionId, env);
      const intent = query.get("intent") ?? "";
      if (intent.length > 200) return badRequest("intent must be at most 200 characters");
      const ordered = intent.trim() !== "" ? rankByIntent(options.catalog, intent) : options.catalog;
      // The SDK's fetch-all starts at cursor "0": the first page.
      const cursor = query.get("cursor");
      const page = pageOf(
        ordered,
        clampLimit(query.get("limit") ?? undefined, 100, MAX_ACTIONS_PAGE),
        cursor === "0" ? undefined : (cursor ?? undefined),
      );
      const items = page.items.map((spec) => actionRecord(spec, connectionId));
      return json(page.next ? { items, cursor: page.next } : { items });
    }
    case "POST /act": {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return badRequest("The body is not JSON");
      }
      const parsed = ActRequest.safeParse(body);
      if (!parsed.success) return badRequest(`Invalid body: ${parsed.error.issues[0]?.message ?? "?"}`);
      return json(await act(parsed.data, { store: options.store, catalog: options.catalog, env }));
    }
  }
  return routeNotFound(request.method, new URL(request.url).pathname);
}
