/**
 * Campaigns, newsletters, API-triggered broadcasts and transactional sends: the operations that read
 * metrics or send (simulated) messages, shared by actions and the simulated App API.
 */
import { randomBytes } from "node:crypto";
import { notFound, unprocessable } from "../failure.js";
import type {
  Campaign,
  Json,
  JsonObject,
  MessageMetrics,
  Newsletter,
  TransactionalTemplate,
  Workspace,
} from "../state/types.js";
import { findPerson, nowSeconds } from "./people.js";

export function requireCampaign(workspace: Workspace, id: unknown): Campaign {
  const campaign = workspace.campaigns.find((c) => c.id === Number(id));
  if (!campaign) throw notFound(`campaign ${String(id)}`);
  return campaign;
}

export function campaignView(campaign: Campaign): JsonObject {
  const { metrics: _metrics, ...rest } = campaign;
  return { ...rest, active: campaign.state === "active" };
}

export function requireNewsletter(workspace: Workspace, id: unknown): Newsletter {
  const newsletter = workspace.newsletters.find((n) => n.id === Number(id));
  if (!newsletter) throw notFound(`newsletter ${String(id)}`);
  return newsletter;
}

export function newsletterView(newsletter: Newsletter): JsonObject {
  const { metrics: _metrics, ...rest } = newsletter;
  return { ...rest, content_ids: [newsletter.id * 10 + 1] };
}

/** The `{metric: {series: ...}}` body of `GET /v1/campaigns/{id}/metrics`, spread over `steps` periods. */
export function metricSeries(metrics: MessageMetrics, steps: number): JsonObject {
  const series: JsonObject = {};
  for (const [name, total] of Object.entries(metrics)) {
    const values: number[] = Array.from({ length: steps }, () => Math.floor(total / steps));
    values[steps - 1] = total - Math.floor(total / steps) * (steps - 1);
    series[name] = values;
  }
  return { metric: { series } };
}

/** Triggers an API-triggered broadcast; returns the trigger id. */
export function triggerBroadcast(workspace: Workspace, id: unknown, recipients: Json, data: Json): number {
  const broadcast = workspace.broadcasts.find((b) => b.id === Number(id));
  if (!broadcast) throw notFound(`broadcast ${String(id)}`);
  if (broadcast.state !== "active") {
    throw unprocessable(`broadcast ${broadcast.id} is a draft; activate it before triggering`);
  }
  const triggerId = workspace.counters.trigger++;
  broadcast.triggers.push({ id: triggerId, created_at: nowSeconds(), recipients, data });
  return triggerId;
}

function requireTemplate(workspace: Workspace, id: unknown): TransactionalTemplate {
  const template = workspace.transactional.find((t) => t.id === Number(id) || t.name === id);
  if (!template) throw notFound(`transactional message ${String(id)}`);
  return template;
}

interface TransactionalEmail {
  transactional_message_id?: unknown;
  to?: unknown;
  identifiers?: unknown;
  subject?: unknown;
  body?: unknown;
  from?: unknown;
}

/** Queues a transactional email the way `POST /v1/send/email` does. */
export function sendTransactionalEmail(workspace: Workspace, request: TransactionalEmail): JsonObject {
  if (typeof request.to !== "string" || !request.to.includes("@")) {
    throw unprocessable("to must be a valid email address", "/to");
  }
  const identifiers = request.identifiers as { id?: unknown; email?: unknown } | undefined;
  if (!identifiers || (identifiers.id === undefined && identifiers.email === undefined)) {
    throw unprocessable("identifiers must contain an id or email", "/identifiers");
  }
  const template =
    request.transactional_message_id === undefined
      ? undefined
      : requireTemplate(workspace, request.transactional_message_id);
  if (!template && (typeof request.body !== "string" || typeof request.subject !== "string")) {
    throw unprocessable("either transactional_message_id or subject, body and from are required");
  }
  const person = findPerson(workspace, String(identifiers.id ?? identifiers.email));
  const deliveryId = `dlv_tx_${workspace.counters.delivery++}_${randomBytes(3).toString("hex")}`;
  const queuedAt = nowSeconds();
  workspace.deliveries.push({
    id: deliveryId,
    customer_id: person?.id ?? String(identifiers.id ?? identifiers.email),
    recipient: request.to,
    type: "email",
    subject: typeof request.subject === "string" ? request.subject : (template?.name ?? "transactional"),
    campaign_id: null,
    newsletter_id: null,
    broadcast_id: null,
    transactional_message_id: template?.id ?? null,
    created: queuedAt,
    metrics: { sent: queuedAt },
  });
  return { delivery_id: deliveryId, queued_at: queuedAt };
}
