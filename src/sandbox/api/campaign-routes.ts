/**
 * Simulated App API routes for campaigns, newsletters, broadcasts and transactional messages,
 * including the two that send: `POST /campaigns/{id}/triggers` and `POST /send/email`.
 */
import type { Json } from "../state/types.js";
import {
  campaignView,
  metricSeries,
  newsletterView,
  requireCampaign,
  requireNewsletter,
  sendTransactionalEmail,
  triggerBroadcast,
} from "../workspace/messaging.js";
import { clampLimit, pageOf } from "../workspace/paging.js";
import { bodyObject, queryLimit, queryStart, type Route } from "./route.js";

const steps = (query: URLSearchParams): number => clampLimit(query.get("steps") ?? undefined, 7, 45);

export const campaignRoutes: Route[] = [
  { method: "GET", pattern: "/campaigns", handle: (ws) => ({ campaigns: ws.campaigns.map(campaignView) }) },
  {
    method: "GET",
    pattern: "/campaigns/{id}",
    handle: (ws, params) => ({ campaign: campaignView(requireCampaign(ws, params["id"])) }),
  },
  {
    method: "GET",
    pattern: "/campaigns/{id}/metrics",
    handle: (ws, params, request) =>
      metricSeries(requireCampaign(ws, params["id"]).metrics, steps(request.query)),
  },
  {
    method: "POST",
    pattern: "/campaigns/{id}/triggers",
    handle: (ws, params, request) => {
      const body = bodyObject(request);
      const recipients = (body["emails"] ?? body["ids"] ?? body["recipients"] ?? null) as Json;
      return { id: triggerBroadcast(ws, params["id"], recipients, (body["data"] ?? {}) as Json) };
    },
  },
  {
    method: "GET",
    pattern: "/newsletters",
    handle: (ws, _params, request) => {
      const page = pageOf(
        ws.newsletters.map(newsletterView),
        queryLimit(request, 50, 100),
        queryStart(request),
      );
      return page.next ? { newsletters: page.items, next: page.next } : { newsletters: page.items };
    },
  },
  {
    method: "GET",
    pattern: "/newsletters/{id}",
    handle: (ws, params) => ({ newsletter: newsletterView(requireNewsletter(ws, params["id"])) }),
  },
  {
    method: "GET",
    pattern: "/newsletters/{id}/metrics",
    handle: (ws, params, request) =>
      metricSeries(requireNewsletter(ws, params["id"]).metrics, steps(request.query)),
  },
  {
    method: "GET",
    pattern: "/broadcasts",
    handle: (ws) => ({ broadcasts: ws.broadcasts.map(({ triggers: _t, ...broadcast }) => broadcast) }),
  },
  { method: "GET", pattern: "/transactional", handle: (ws) => ({ messages: ws.transactional }) },
  {
    method: "POST",
    pattern: "/send/email",
    handle: (ws, _params, request) => sendTransactionalEmail(ws, bodyObject(request)),
  },
];
