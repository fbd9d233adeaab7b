/**
 * Dispatches a proxied request to the simulated App API. Paths are taken relative to
 * `https://api.customer.io`, with or without the `/v1` prefix; a full URL on another host is refused.
 */
import { notFound, SandboxFailure } from "../failure.js";
import type { Workspace } from "../state/types.js";
import { campaignRoutes } from "./campaign-routes.js";
import { customerRoutes } from "./customer-routes.js";
import { dataRoutes } from "./data-routes.js";
import type { ApiRequest } from "./route.js";
import { matchPattern } from "./route.js";
import { segmentRoutes } from "./segment-routes.js";

const ROUTES = [...customerRoutes, ...segmentRoutes, ...campaignRoutes, ...dataRoutes];
const BASE_URL = "https://api.customer.io";

/** Splits a requested path into the App API path (no `/v1`) and its query string. */
export function normalizePath(raw: string): { path: string; query: URLSearchParams } {
  let rest = raw;
  if (/^[a-z]+:\/\//i.test(rest)) {
    if (!rest.startsWith(BASE_URL)) {
      throw new SandboxFailure(`Request failed: the sandbox only simulates ${BASE_URL}, not ${raw}`, {
        status: 502,
      });
    }
    rest = rest.slice(BASE_URL.length);
  }
  const [pathPart = "", queryPart = ""] = rest.split("?", 2);
  let path = pathPart.startsWith("/") ? pathPart : `/${pathPart}`;
  if (path === "/v1" || path.startsWith("/v1/")) path = path.slice(3) || "/";
  return { path: path.replace(/\/+$/, "") || "/", query: new URLSearchParams(queryPart) };
}

export const isWriteMethod = (method: string): boolean => method.toUpperCase() !== "GET";

export function dispatch(workspace: Workspace, request: ApiRequest): unknown {
  const method = request.method.toUpperCase();
  let pathMatched = false;
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, request.path);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) return route.handle(workspace, params, request);
  }
  if (pathMatched) {
    throw new SandboxFailure(`Request failed with status 405: ${method} not allowed on ${request.path}`, {
      status: 405,
      data: { errors: [{ detail: "method not allowed", status: "405" }] },
    });
  }
  throw notFound(`route ${method} /v1${request.path}`);
}
