/** Simulated App API routes for segments: list, get, create, delete, membership, counts. */
import { badRequest } from "../failure.js";
import { pageOf } from "../workspace/paging.js";
import { personIdentifiers, requirePerson } from "../workspace/people.js";
import {
  addMembers,
  createManualSegment,
  deleteSegment,
  requireSegment,
  segmentView,
} from "../workspace/segments.js";
import { bodyObject, queryLimit, queryStart, type Route } from "./route.js";

export const segmentRoutes: Route[] = [
  { method: "GET", pattern: "/segments", handle: (ws) => ({ segments: ws.segments.map(segmentView) }) },
  {
    method: "POST",
    pattern: "/segments",
    handle: (ws, _params, request) => {
      const segment = bodyObject(request)["segment"];
      if (typeof segment !== "object" || segment === null)
        throw badRequest('body must be {"segment": {...}}');
      const { name, description } = segment as { name?: unknown; description?: unknown };
      return { segment: segmentView(createManualSegment(ws, name, description)) };
    },
  },
  {
    method: "GET",
    pattern: "/segments/{id}",
    handle: (ws, params) => ({ segment: segmentView(requireSegment(ws, params["id"])) }),
  },
  {
    method: "DELETE",
    pattern: "/segments/{id}",
    handle: (ws, params) => {
      deleteSegment(ws, params["id"]);
      return {};
    },
  },
  {
    method: "GET",
    pattern: "/segments/{id}/membership",
    handle: (ws, params, request) => {
      const segment = requireSegment(ws, params["id"]);
      const people = segment.member_ids.map((id) => requirePerson(ws, id));
      const page = pageOf(people, queryLimit(request, 1000, 30000), queryStart(request));
      return {
        identifiers: page.items.map(personIdentifiers),
        ids: page.items.map((p) => p.id),
        next: page.next ?? "",
      };
    },
  },
  {
    method: "GET",
    pattern: "/segments/{id}/customer_count",
    handle: (ws, params) => ({ count: requireSegment(ws, params["id"]).member_ids.length }),
  },
  {
    method: "POST",
    pattern: "/segments/{id}/add_customers",
    handle: (ws, params, request) => {
      const ids = bodyObject(request)["ids"];
      if (!Array.isArray(ids)) throw badRequest('body must be {"ids": [...]}');
      addMembers(ws, params["id"], ids.map(String));
      return {};
    },
  },
];
