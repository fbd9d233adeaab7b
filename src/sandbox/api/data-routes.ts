/** Simulated App API routes for activities, messages, exports, collections and snippets. */
import { badRequest, notFound } from "../failure.js";
import {
  activitiesOf,
  collectionView,
  createCollection,
  createCustomerExport,
  requireExport,
  upsertSnippet,
} from "../workspace/data.js";
import { pageOf } from "../workspace/paging.js";
import { bodyObject, queryLimit, queryStart, type Route } from "./route.js";

export const dataRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/activities",
    handle: (ws, _params, request) => {
      const all = activitiesOf(
        ws,
        request.query.get("customer_id") ?? undefined,
        request.query.get("type") ?? undefined,
      );
      const page = pageOf(all, queryLimit(request, 25, 100), queryStart(request));
      return { activities: page.items, next: page.next ?? "" };
    },
  },
  {
    method: "GET",
    pattern: "/messages",
    handle: (ws, _params, request) => {
      const type = request.query.get("type");
      const all = ws.deliveries.filter((d) => !type || d.type === type).sort((a, b) => b.created - a.created);
      const page = pageOf(all, queryLimit(request, 50, 1000), queryStart(request));
      return { messages: page.items, next: page.next ?? "" };
    },
  },
  { method: "GET", pattern: "/exports", handle: (ws) => ({ exports: ws.exports }) },
  {
    method: "GET",
    pattern: "/exports/{id}",
    handle: (ws, params) => ({ export: requireExport(ws, params["id"]) }),
  },
  {
    method: "POST",
    pattern: "/exports/customers",
    handle: (ws, _params, request) => {
      const filters = bodyObject(request)["filters"] as { segment?: { id?: unknown } } | undefined;
      if (filters?.segment?.id === undefined)
        throw badRequest('body must be {"filters": {"segment": {"id": n}}}');
      return { export: createCustomerExport(ws, filters.segment.id) };
    },
  },
  {
    method: "GET",
    pattern: "/collections",
    handle: (ws) => ({ collections: ws.collections.map(collectionView) }),
  },
  {
    method: "GET",
    pattern: "/collections/{id}",
    handle: (ws, params) => {
      const collection = ws.collections.find((c) => c.id === Number(params["id"]));
      if (!collection) throw notFound(`collection ${params["id"]}`);
      return { collection };
    },
  },
  {
    method: "POST",
    pattern: "/collections",
    handle: (ws, _params, request) => {
      const body = bodyObject(request);
      return { collection: collectionView(createCollection(ws, body["name"], body["data"])) };
    },
  },
  { method: "GET", pattern: "/snippets", handle: (ws) => ({ snippets: ws.snippets }) },
  {
    method: "PUT",
    pattern: "/snippets",
    handle: (ws, _params, request) => {
      const body = bodyObject(request);
      if (typeof body["name"] !== "string" || typeof body["value"] !== "string") {
        throw badRequest('body must be {"name": string, "value": string}');
      }
      return { snippet: upsertSnippet(ws, body["name"], body["value"]) };
    },
  },
];
