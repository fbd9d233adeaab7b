/**
 * The sandbox's REST face: the routes of Membrane's REST API that this project uses (docs/membrane-rest-api.md),
 * served over a sandbox (sandbox.ts: the same workspace store, catalog and account connections as its CLI
 * face), as a fetch handler `(Request) => Promise<Response>`: in process (the REST backend's injectable fetch)
 * or behind a loopback HTTP server (serve.ts). Every request needs `Authorization: Bearer` with a token the
 * sandbox signed (rest/token.ts). Misbehaving Membranes are test equipment (test/fixtures/faulty-sandbox/),
 * a wrapper around this handler.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { actionRecord } from "../catalog/action-record.js";
import { rankByIntent } from "../catalog/intent.js";
import { connectorSearchResult, requireConnection, sandboxConnections } from "../connection.js";
import type { Sandbox } from "../sandbox.js";
import { clampLimit, pageOf } from "../workspace/paging.js";
import { ActRequest, act } from "./act.js";
import { badRequest, failureAnswer, json, notAuthenticated, routeNotFound } from "./answers.js";
import { verifySandboxToken } from "./token.js";

export type FetchHandler = (request: Request) => Promise<Response>;

const CUSTOMERIO_TERM = /customer[\s.-]?io|customerio/i;
const MAX_ACTIONS_PAGE = 1000;

export function createRestFace(sandbox: Sandbox): FetchHandler {
  return async (request) => {
    // The sandbox's latency (a network here), cut short when the caller gives up.
    if (sandbox.latencyMs > 0) {
      await sleep(sandbox.latencyMs, undefined, { signal: request.signal }).catch(() => {});
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
    if (!bearer || !verifySandboxToken(sandbox.tokenSecret(), bearer)) return notAuthenticated();
    try {
      return await answer(new URL(request.url), request, sandbox);
    } catch (error) {
      return failureAnswer(error);
    }
  };
}

async function answer(url: URL, request: Request, sandbox: Sandbox): Promise<Response> {
  const query = url.searchParams;
  switch (`${request.method} ${url.pathname}`) {
    case "GET /connections":
      return json({ items: sandboxConnections(sandbox.connections) });
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
      requireConnection(sandbox.connections, connectionId);
      const intent = query.get("intent") ?? "";
      if (intent.length > 200) return badRequest("intent must be at most 200 characters");
      const catalog = await sandbox.catalog();
      const ordered = intent.trim() !== "" ? rankByIntent(catalog, intent) : catalog;
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
      const context = {
        store: await sandbox.store(),
        catalog: await sandbox.catalog(),
        connections: sandbox.connections,
      };
      return json(await act(parsed.data, context));
    }
  }
  return routeNotFound(request.method, url.pathname);
}
