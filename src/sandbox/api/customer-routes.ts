/** Simulated App API routes for people: lookup by email, attributes, segments, activities, messages. */
import { badRequest } from "../failure.js";
import { activitiesOf } from "../workspace/data.js";
import { pageOf } from "../workspace/paging.js";
import { personAttributes, personIdentifiers, requirePerson } from "../workspace/people.js";
import { segmentView } from "../workspace/segments.js";
import { queryLimit, queryStart, type Route } from "./route.js";

export const customerRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/customers",
    handle: (ws, _params, request) => {
      const email = request.query.get("email");
      if (!email) throw badRequest("email query parameter is required");
      const wanted = email.toLowerCase();
      return { results: ws.people.filter((p) => p.email?.toLowerCase() === wanted).map(personIdentifiers) };
    },
  },
  {
    method: "GET",
    pattern: "/customers/{id}/attributes",
    handle: (ws, params) => personAttributes(ws, requirePerson(ws, params["id"] ?? "")),
  },
  {
    method: "GET",
    pattern: "/customers/{id}/segments",
    handle: (ws, params) => {
      const person = requirePerson(ws, params["id"] ?? "");
      return { segments: ws.segments.filter((s) => s.member_ids.includes(person.id)).map(segmentView) };
    },
  },
  {
    method: "GET",
    pattern: "/customers/{id}/activities",
    handle: (ws, params, request) => {
      const person = requirePerson(ws, params["id"] ?? "");
      const all = activitiesOf(ws, person.id, request.query.get("type") ?? undefined);
      const page = pageOf(all, queryLimit(request, 25, 100), queryStart(request));
      return { activities: page.items, next: page.next ?? "" };
    },
  },
  {
    method: "GET",
    pattern: "/customers/{id}/messages",
    handle: (ws, params, request) => {
      const person = requirePerson(ws, params["id"] ?? "");
      const all = ws.deliveries.filter((d) => d.customer_id === person.id);
      const page = pageOf(all, queryLimit(request, 50, 1000), queryStart(request));
      return { messages: page.items, next: page.next ?? "" };
    },
  },
];
