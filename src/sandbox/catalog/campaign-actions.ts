/**
 * Actions on campaigns and newsletters: listing, metrics and templates. Quirks carried here: two actions
 * whose names differ only in case and punctuation, and an output that is a ~30 KB HTML template.
 */
import { productUpdateTemplate } from "../state/html-template.js";
import type { JsonObject } from "../state/types.js";
import {
  campaignView,
  metricSeries,
  newsletterView,
  requireCampaign,
  requireNewsletter,
} from "../workspace/messaging.js";
import {
  campaignList,
  campaignMetrics,
  metricSeriesOutput,
  newsletterContent,
  newsletterList,
  oneCampaign,
  oneNewsletter,
} from "./output-schemas.js";
import { campaignRecords } from "./reference-records.js";
import { type ActionSpec, count, text } from "./types.js";

const campaignIdInput = (): JsonObject => ({
  type: "string",
  title: "Campaign",
  referenceRecords: campaignRecords(),
});

const metricsInput = (): JsonObject => ({
  type: "object",
  properties: {
    campaignId: campaignIdInput(),
    period: { type: "string", enum: ["hours", "days", "weeks", "months"], default: "days" },
    steps: { type: "integer", minimum: 1, maximum: 45, default: 7, description: "How many periods back." },
  },
  required: ["campaignId"],
});

/** The input of the actions that take one newsletter. */
const newsletterIdInput = (): JsonObject => ({
  type: "object",
  properties: { newsletterId: { type: "integer", title: "Newsletter ID", minimum: 1 } },
  required: ["newsletterId"],
});

export const campaignActions: ActionSpec[] = [
  {
    key: "list-campaigns",
    name: "List Campaigns",
    description:
      "List the campaigns in the workspace with their trigger type and state (active, draft, stopped).",
    type: "list-data-records",
    inputSchema: {
      type: "object",
      properties: { state: { type: "string", enum: ["active", "draft", "stopped"], title: "Only in state" } },
    },
    outputSchema: campaignList,
    run: (input, ws) => {
      const state = text(input, "state");
      return { campaigns: ws.campaigns.filter((c) => !state || c.state === state).map(campaignView) };
    },
  },
  {
    key: "get-campaign",
    name: "Get Campaign",
    description: "Get one campaign's configuration: name, type, state, trigger segments and tags.",
    type: "find-data-record-by-id",
    inputSchema: { type: "object", properties: { campaignId: campaignIdInput() }, required: ["campaignId"] },
    outputSchema: oneCampaign,
    run: (input, ws) => ({ campaign: campaignView(requireCampaign(ws, text(input, "campaignId"))) }),
  },
  {
    key: "get-campaign-metrics",
    name: "Get Campaign Metrics",
    description:
      "Return totals for a campaign: sent, delivered, opened, clicked, converted, bounced, unsubscribed.",
    type: "connector-operation",
    inputSchema: metricsInput(),
    outputSchema: campaignMetrics,
    run: (input, ws) => {
      const campaign = requireCampaign(ws, text(input, "campaignId"));
      return { campaign_id: campaign.id, metrics: { ...campaign.metrics } };
    },
  },
  {
    key: "get-campaign-metrics-v1",
    name: "Get campaign-metrics",
    description:
      "Legacy: return a campaign's metrics as a time series, one value per period (v1 metrics API).",
    type: "connector-operation",
    inputSchema: metricsInput(),
    outputSchema: metricSeriesOutput,
    run: (input, ws) =>
      metricSeries(requireCampaign(ws, text(input, "campaignId")).metrics, count(input, "steps", 7)),
  },
  {
    key: "list-newsletters",
    name: "List Newsletters",
    description: "List newsletters (one-off sends) with their state and send time.",
    type: "list-data-records",
    inputSchema: {
      type: "object",
      properties: { limit: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
    },
    outputSchema: newsletterList,
    run: (input, ws) => ({
      newsletters: ws.newsletters.slice(0, count(input, "limit", 50)).map(newsletterView),
    }),
  },
  {
    key: "get-newsletter",
    name: "Get Newsletter",
    description: "Get one newsletter: subject, state, recipients segment and delivery metrics.",
    type: "find-data-record-by-id",
    inputSchema: newsletterIdInput(),
    outputSchema: oneNewsletter,
    run: (input, ws) => {
      const newsletter = requireNewsletter(ws, input["newsletterId"]);
      return { newsletter: newsletterView(newsletter), metrics: { ...newsletter.metrics } };
    },
  },
  {
    key: "get-newsletter-content",
    name: "Get Newsletter Content",
    description: "Return the HTML body of a newsletter's email, Liquid tags included.",
    type: "connector-operation",
    inputSchema: newsletterIdInput(),
    outputSchema: newsletterContent,
    run: (input, ws) => {
      const newsletter = requireNewsletter(ws, input["newsletterId"]);
      return { id: newsletter.id * 10 + 1, newsletter_id: newsletter.id, body: productUpdateTemplate() };
    },
  },
];
