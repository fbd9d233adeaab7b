/**
 * Demo segments and messaging: data-driven and manual segments, campaigns in every state with metrics,
 * newsletters, API-triggered broadcasts, transactional templates and the deliveries they produced.
 */
import { SEED_EPOCH } from "./seed-people.js";
import type {
  Broadcast,
  Campaign,
  Delivery,
  MessageMetrics,
  Newsletter,
  Person,
  Segment,
  TransactionalTemplate,
} from "./types.js";

const DAY = 86_400;

function metrics(sent: number, seed: number): MessageMetrics {
  const delivered = Math.round(sent * 0.97);
  const opened = Math.round(delivered * (0.32 + (seed % 5) / 50));
  const clicked = Math.round(opened * 0.21);
  return {
    sent,
    delivered,
    opened,
    clicked,
    converted: Math.round(clicked * 0.3),
    bounced: sent - delivered,
    unsubscribed: Math.round(sent * 0.004),
  };
}

export function seedSegments(people: Person[]): Segment[] {
  const ids = (predicate: (person: Person) => boolean) => people.filter(predicate).map((p) => p.id);
  const planIs = (plan: string) => (p: Person) => p.attributes["plan"] === plan;
  const segment = (id: number, name: string, description: string, rest: Partial<Segment>): Segment => ({
    id,
    name,
    description,
    type: "dynamic",
    state: "finished",
    tags: [],
    conditions: null,
    member_ids: [],
    created: SEED_EPOCH - (40 - id) * DAY,
    updated: SEED_EPOCH - id * DAY,
    ...rest,
  });
  return [
    segment(1, "Pro plan", "Everyone on the Pro plan", {
      conditions: { and: [{ attribute: { field: "plan", operator: "eq", value: "pro" } }] },
      member_ids: ids(planIs("pro")),
      tags: ["billing"],
    }),
    segment(2, "Enterprise accounts", "Customers on an enterprise contract", {
      conditions: { and: [{ attribute: { field: "plan", operator: "eq", value: "enterprise" } }] },
      member_ids: ids(planIs("enterprise")),
      tags: ["billing", "sales"],
    }),
    segment(3, "Free users", "Signed up, never paid", {
      conditions: { and: [{ attribute: { field: "plan", operator: "eq", value: "free" } }] },
      member_ids: ids(planIs("free")),
    }),
    segment(4, "Beta testers", "Hand-picked testers for the new editor", {
      type: "manual",
      member_ids: ["cust_1001", "cust_1004", "cust_1009"],
      tags: ["product"],
    }),
    segment(5, "VIP", "Accounts the success team watches closely", {
      type: "manual",
      member_ids: ["cust_1003", "cust_1009"],
    }),
    segment(6, "Newsletter subscribers", "Opted in to the monthly newsletter", {
      conditions: { and: [{ attribute: { field: "newsletter_opt_in", operator: "eq", value: "true" } }] },
      member_ids: ids((p) => p.attributes["newsletter_opt_in"] === true),
    }),
  ];
}

export function seedCampaigns(): Campaign[] {
  const rows: [number, string, Campaign["type"], Campaign["state"], number[], number][] = [
    [101, "Onboarding: welcome series", "event", "active", [], 4820],
    [102, "Trial ending reminder", "segment", "active", [3], 1310],
    [103, "Win-back: inactive 30 days", "segment", "stopped", [3], 2275],
    [104, "Pro feature tips", "segment", "active", [1], 960],
    [105, "Renewal notice (enterprise)", "date", "draft", [2], 0],
    [106, "Abandoned upgrade", "event", "active", [], 388],
  ];
  return rows.map(([id, name, type, state, segments, sent]) => ({
    id,
    name,
    type,
    state,
    trigger_segment_ids: segments,
    tags: type === "event" ? ["lifecycle"] : ["marketing"],
    created: SEED_EPOCH - (200 - id) * DAY,
    updated: SEED_EPOCH - (id - 100) * DAY,
    metrics: metrics(sent, id),
  }));
}

export function seedNewsletters(): Newsletter[] {
  const rows: [number, string, Newsletter["state"], string, number][] = [
    [201, "May product update", "sent", "What's new in Lumen this May", 3120],
    [202, "April product update", "sent", "April: faster dashboards and more", 2987],
    [203, "June product update", "draft", "June: the new editor is here", 0],
    [204, "Summer webinar invite", "scheduled", "Join our summer webinar", 0],
  ];
  return rows.map(([id, name, state, subject, sent]) => ({
    id,
    name,
    type: "email",
    state,
    subject,
    sent_at: state === "sent" ? SEED_EPOCH - (205 - id) * 30 * DAY : null,
    recipient_segment_ids: [6],
    tags: ["newsletter"],
    created: SEED_EPOCH - (210 - id) * 20 * DAY,
    updated: SEED_EPOCH - (205 - id) * DAY,
    metrics: metrics(sent, id),
  }));
}

export function seedBroadcasts(): Broadcast[] {
  const broadcast = (id: number, name: string, state: Broadcast["state"]): Broadcast => ({
    id,
    name,
    state,
    type: "api_triggered",
    created: SEED_EPOCH - 90 * DAY,
    updated: SEED_EPOCH - 3 * DAY,
    triggers: [],
  });
  return [
    broadcast(301, "Incident notice", "active"),
    broadcast(302, "Flash sale announcement", "active"),
    broadcast(303, "Maintenance window", "draft"),
  ];
}

export function seedTransactional(): TransactionalTemplate[] {
  const rows: [number, string, string][] = [
    [1, "password_reset", "Password reset link, sent on request"],
    [2, "receipt", "Payment receipt after each charge"],
    [3, "magic_link", "Passwordless sign-in link"],
    [4, "invite_teammate", "Invitation to join a workspace"],
  ];
  return rows.map(([id, name, description]) => ({
    id,
    name,
    description,
    type: "email",
    send_to_unsubscribed: true,
    link_tracking: name !== "magic_link",
    created_at: SEED_EPOCH - 300 * DAY,
    updated_at: SEED_EPOCH - id * 10 * DAY,
  }));
}

export function seedDeliveries(people: Person[]): Delivery[] {
  return people.flatMap((person, index) => [
    {
      id: `dlv_${person.id.slice(5)}_1`,
      customer_id: person.id,
      recipient: person.email ?? "",
      type: "email" as const,
      subject: "Welcome to Lumen",
      campaign_id: 101,
      newsletter_id: null,
      broadcast_id: null,
      transactional_message_id: null,
      created: person.created_at + 3 * DAY,
      metrics: { sent: person.created_at + 3 * DAY, delivered: person.created_at + 3 * DAY + 4 },
    },
    {
      id: `dlv_${person.id.slice(5)}_2`,
      customer_id: person.id,
      recipient: person.email ?? "",
      type: "email" as const,
      subject: "What's new in Lumen this May",
      campaign_id: null,
      newsletter_id: 201,
      broadcast_id: null,
      transactional_message_id: null,
      created: SEED_EPOCH - (10 + index) * DAY,
      metrics: { sent: SEED_EPOCH - (10 + index) * DAY, opened: SEED_EPOCH - (9 + index) * DAY },
    },
  ]);
}
