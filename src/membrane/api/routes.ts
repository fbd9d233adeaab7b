/**
 * The routes of Membrane's published OpenAPI that the REST backend uses, built in one place: path segments
 * encoded, query values encoded (URLSearchParams), `/act` bodies as the closed ActRequestDto allows them
 * (`id`, `connectionId`, `input`; or `connectionId` and `api`). docs/membrane-rest-api.md sums them up.
 */
import type { GuardedRequest } from "../contract/raw-request.js";
import type { ApiRequest } from "./http.js";

/** Membrane's limit on `intent` (the OpenAPI's maxLength). */
export const MAX_INTENT_CHARS = 200;
/** The largest page `GET /actions` gives (limit 1-1000). */
export const ACTIONS_PAGE_LIMIT = 1000;
/** Search routes cap `limit` at 100. */
const SEARCH_LIMIT = 100;

/** `text` cut to `max` characters at the last word boundary that fits (mid-word only for one long word). */
export function cutAtWord(text: string, max = MAX_INTENT_CHARS): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const head = trimmed.slice(0, max + 1);
  const lastSpace = head.search(/\s\S*$/);
  return (lastSpace > 0 ? head.slice(0, lastSpace) : trimmed.slice(0, max)).trimEnd();
}

export function listConnections(cursor: string | undefined): ApiRequest {
  const query = new URLSearchParams();
  if (cursor !== undefined) query.set("cursor", cursor);
  return { method: "GET", path: "/connections", query };
}

/** A page of the connection's actions; the first page starts at cursor "0", as the SDK's findAll does. */
export function listActions(connectionId: string, cursor: string): ApiRequest {
  const query = new URLSearchParams({ connectionId, limit: String(ACTIONS_PAGE_LIMIT), cursor });
  return { method: "GET", path: "/actions", query };
}

export function searchActions(connectionId: string, intent: string, limit: number): ApiRequest {
  const query = new URLSearchParams({
    connectionId,
    intent: cutAtWord(intent),
    limit: String(Math.max(1, Math.min(limit, ACTIONS_PAGE_LIMIT))),
  });
  return { method: "GET", path: "/actions", query };
}

export function searchConnectors(term: string): ApiRequest {
  const query = new URLSearchParams({
    q: cutAtWord(term),
    elementType: "connector",
    limit: String(SEARCH_LIMIT),
  });
  return { method: "GET", path: "/search", query };
}

/** Running an action: `POST /act` (the route `POST /actions/{id}/run` is deprecated). */
export function runAction(connectionId: string, actionId: string, input: unknown): ApiRequest {
  return { method: "POST", path: "/act", body: { id: actionId, connectionId, input: input ?? {} } };
}

/**
 * A raw request through the connection: `POST /act` with `api`, exactly the guarded request: the method,
 * the path, the allowed headers and query pairs, and the body (JSON as its value, a raw string as is).
 */
export function rawRequest(connectionId: string, request: GuardedRequest): ApiRequest {
  const api: Record<string, unknown> = { method: request.method, path: request.path };
  if (request.headers.length > 0) api["headers"] = Object.fromEntries(request.headers);
  if (request.query.length > 0) api["query"] = Object.fromEntries(request.query);
  if (request.body !== undefined) api["body"] = request.bodyIsJson ? JSON.parse(request.body) : request.body;
  return { method: "POST", path: "/act", body: { connectionId, api } };
}
