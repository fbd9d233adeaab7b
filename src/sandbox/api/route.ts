/**
 * The shape of one simulated App API route and the matching of a request path against its pattern
 * (`/segments/{id}/membership`).
 */
import { badRequest } from "../failure.js";
import type { Workspace } from "../state/types.js";
import { clampLimit } from "../workspace/paging.js";

export interface ApiRequest {
  method: string;
  /** Path relative to `https://api.customer.io/v1`, starting with `/`, without a query string. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  pattern: string;
  handle: (workspace: Workspace, params: Record<string, string>, request: ApiRequest) => unknown;
}

/** The path parameters when `path` fits `pattern`, else `undefined`. */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index++) {
    const expected = want[index] as string;
    const actual = decodeURIComponent(have[index] as string);
    if (expected.startsWith("{") && expected.endsWith("}")) params[expected.slice(1, -1)] = actual;
    else if (expected !== actual) return undefined;
  }
  return params;
}

export const queryLimit = (request: ApiRequest, fallback: number, cap: number): number =>
  clampLimit(request.query.get("limit") ?? undefined, fallback, cap);

export const queryStart = (request: ApiRequest): string | undefined =>
  request.query.get("start") || undefined;

/** The body as an object, or a 400 like the App API gives for a body it cannot read. */
export function bodyObject(request: ApiRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null || body === "") return {};
  if (typeof body !== "object" || Array.isArray(body)) throw badRequest("request body must be a JSON object");
  return body as Record<string, unknown>;
}
