/**
 * What the sandbox's actions return, as output schemas (the shapes of workspace/*.ts views). They are
 * true of every result, whatever the workspace holds: an attribute is any JSON (people's attributes can be
 * set to anything) and `format` is claimed only where the sandbox guarantees it. Kept compact: they are
 * sent with every tools/list.
 * test/integration/typed-results.test.ts runs every action and checks its result against its schema.
 */
import type { JsonObject } from "../state/types.js";

export const str: JsonObject = { type: "string" };
export const int: JsonObject = { type: "integer" };
export const bool: JsonObject = { type: "boolean" };
const strOrNull: JsonObject = { type: ["string", "null"] };
const intOrNull: JsonObject = { type: ["integer", "null"] };
const anyObject: JsonObject = { type: "object" };
export const list = (items: JsonObject): JsonObject => ({ type: "array", items });
const oneOf = (...values: string[]): JsonObject => ({ type: "string", enum: values });

/**
 * An object with these properties. `required` is left out: naming every property again would make the
 * tool list about a quarter larger for a promise the agent reads off any result.
 */
export function record(properties: Record<string, JsonObject>): JsonObject {
  return { type: "object", properties };
}

const identifiers = record({ id: str, email: strOrNull, cio_id: str });

export const personOutput = record({
  ...(identifiers["properties"] as Record<string, JsonObject>),
  first_name: {},
  plan: {},
  created_at: int,
  unsubscribed: bool,
  suppressed: bool,
});

const customer = record({
  id: str,
  identifiers,
  attributes: anyObject,
  timestamps: record({ created_at: int, updated_at: int }),
  unsubscribed: bool,
  devices: { type: "array" },
});

/** `GET /v1/customers/{id}/attributes`. */
export const customerAttributes = record({ customer });

/** A page of `ids` people: `identifiers`, `ids` and, unless last, `next`. */
export const membershipPage = record({ identifiers: list(identifiers), ids: list(str), next: str });
export const segmentMembers = record({ customers: list(customer) });

const segment = record({
  id: int,
  deduplicate_id: str,
  name: str,
  description: str,
  state: oneOf("finished", "events", "build"),
  progress: intOrNull,
  type: oneOf("manual", "dynamic"),
  tags: list(str),
});
export const segmentList = record({ segments: list(segment) });
export const oneSegment = record({ segment });

const metrics = record(
  Object.fromEntries(
    ["sent", "delivered", "opened", "clicked", "converted", "bounced", "unsubscribed"].map((name) => [
      name,
      { type: "integer", minimum: 0 },
    ]),
  ),
);

const campaign = record({
  id: int,
  name: str,
  type: oneOf("segment", "event", "date"),
  state: oneOf("active", "draft", "stopped"),
  trigger_segment_ids: list(int),
  tags: list(str),
  created: int,
  updated: int,
  active: bool,
});
export const campaignList = record({ campaigns: list(campaign) });
export const oneCampaign = record({ campaign });
export const campaignMetrics = record({ campaign_id: int, metrics });
export const metricSeriesOutput = record({
  metric: record({ series: { type: "object", additionalProperties: list(int) } }),
});

const newsletter = record({
  id: int,
  name: str,
  type: oneOf("email", "push", "sms"),
  state: oneOf("sent", "draft", "scheduled"),
  subject: str,
  sent_at: intOrNull,
  recipient_segment_ids: list(int),
  tags: list(str),
  created: int,
  updated: int,
  content_ids: list(int),
});
export const newsletterList = record({ newsletters: list(newsletter) });
export const oneNewsletter = record({ newsletter, metrics });
export const newsletterContent = record({ id: int, newsletter_id: int, body: str });

export const broadcastList = record({
  broadcasts: list(
    record({
      id: int,
      name: str,
      state: oneOf("active", "draft"),
      type: oneOf("api_triggered"),
      created: int,
      updated: int,
    }),
  ),
});

export const templateList = record({
  messages: list(
    record({
      id: int,
      name: str,
      description: str,
      type: oneOf("email", "push", "sms"),
      send_to_unsubscribed: bool,
      link_tracking: bool,
      created_at: int,
      updated_at: int,
    }),
  ),
});

const delivery = record({
  id: str,
  customer_id: str,
  recipient: str,
  type: oneOf("email", "push", "sms"),
  subject: str,
  campaign_id: intOrNull,
  newsletter_id: intOrNull,
  broadcast_id: intOrNull,
  transactional_message_id: intOrNull,
  created: int,
  metrics: { type: "object", additionalProperties: int },
});
export const deliveryPage = record({ messages: list(delivery), next: str });

export const activity = record({
  id: str,
  customer_id: str,
  type: str,
  name: strOrNull,
  timestamp: int,
  data: anyObject,
  delivery_id: strOrNull,
});
export const activityPage = record({ activities: list(activity), next: str });

export const oneExport = record({
  export: record({
    id: int,
    type: oneOf("customers", "deliveries"),
    description: str,
    status: oneOf("done", "pending", "failed"),
    total: int,
    segment_id: intOrNull,
    created_at: int,
    updated_at: int,
    downloads: int,
  }),
});

const collection = record({
  id: int,
  name: str,
  rows: int,
  schema: list(str),
  created_at: int,
  updated_at: int,
});
export const collectionList = record({ collections: list(collection) });
export const oneCollection = record({ collection });

const snippet = record({ name: str, value: str, updated_at: int });
export const snippetList = record({ snippets: list(snippet) });
export const oneSnippet = record({ snippet });

export const suppression = record({ id: str, suppressed: bool });
export const countOf: JsonObject = { type: "integer", minimum: 0 };
