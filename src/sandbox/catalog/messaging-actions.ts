/**
 * Actions that send or inspect messages: broadcasts, transactional email, deliveries (all, or one person's). Quirks carried
 * here: `isRichText`, `allowCustom` on a pick-list, an enum-filtered pick-list and `format: "email"`.
 */
import type { Json } from "../state/types.js";
import { sendTransactionalEmail, triggerBroadcast } from "../workspace/messaging.js";
import { pageOf } from "../workspace/paging.js";
import { requirePerson } from "../workspace/people.js";
import { broadcastList, deliveryPage, int, record, str, templateList } from "./output-schemas.js";
import { broadcastRecords, channelRecords, templateRecords } from "./reference-records.js";
import { type ActionSpec, count, objectInput, stringList, text } from "./types.js";

export const messagingActions: ActionSpec[] = [
  {
    key: "list-broadcasts",
    name: "List Broadcasts",
    description: "List API-triggered broadcasts and whether each is active.",
    type: "list-data-records",
    inputSchema: { type: "object", properties: {} },
    outputSchema: broadcastList,
    run: (_input, ws) => ({ broadcasts: ws.broadcasts.map(({ triggers: _t, ...broadcast }) => broadcast) }),
  },
  {
    key: "trigger-broadcast",
    name: "Trigger Broadcast",
    description:
      "Send an API-triggered broadcast now, to its default audience or to the people you list. Messages go out immediately. Limited to one trigger every 10 seconds.",
    type: "connector-operation",
    inputSchema: {
      type: "object",
      properties: {
        broadcastId: { type: "string", title: "Broadcast", referenceRecords: broadcastRecords() },
        emails: { type: "array", items: { type: "string", format: "email" }, maxItems: 10000 },
        ids: { type: "array", items: { type: "string" }, maxItems: 10000 },
        data: { type: "object", additionalProperties: true, description: "Liquid data for the message." },
        id_ignore_missing: { type: "boolean", default: false },
      },
      required: ["broadcastId"],
    },
    outputSchema: record({ id: int }),
    run: (input, ws) => {
      const emails = stringList(input, "emails");
      const ids = stringList(input, "ids");
      const recipients: Json = emails.length ? { emails } : ids.length ? { ids } : null;
      return { id: triggerBroadcast(ws, text(input, "broadcastId"), recipients, objectInput(input, "data")) };
    },
  },
  {
    key: "send-transactional-email",
    name: "Send Transactional Email",
    description:
      "Send a transactional email to one person, from a template or with your own subject and body. The message is sent immediately.",
    type: "connector-operation",
    inputSchema: {
      type: "object",
      properties: {
        transactional_message_id: {
          type: "string",
          title: "Template",
          referenceRecords: templateRecords(),
          allowCustom: true,
        },
        to: { type: "string", format: "email", title: "To" },
        identifiers: {
          type: "object",
          properties: { id: { type: "string" }, email: { type: "string", format: "email" } },
          additionalProperties: false,
        },
        subject: { type: "string", maxLength: 255 },
        body: { type: "string", isRichText: true, description: "HTML body; overrides the template." },
        message_data: { type: "object", additionalProperties: true },
        disable_message_retention: { type: "boolean", default: false },
      },
      required: ["to", "identifiers"],
    },
    outputSchema: record({ delivery_id: str, queued_at: int }),
    run: (input, ws) => sendTransactionalEmail(ws, input),
  },
  {
    key: "list-transactional-templates",
    name: "List Transactional Templates",
    description: "List the transactional message templates you can send by ID.",
    type: "list-data-records",
    inputSchema: { type: "object", properties: {} },
    outputSchema: templateList,
    run: (_input, ws) => ({ messages: ws.transactional }),
  },
  {
    key: "list-messages",
    name: "List Messages",
    description: "List deliveries (individual messages sent to people), newest first, optionally by channel.",
    type: "list-data-records",
    inputSchema: {
      type: "object",
      properties: {
        channel: { type: "string", title: "Channel", referenceRecords: channelRecords() },
        campaignId: { type: "integer", minimum: 1 },
        limit: { type: "integer", minimum: 1, maximum: 1000, default: 50 },
        start: { type: "string" },
      },
    },
    outputSchema: deliveryPage,
    run: (input, ws) => {
      const channel = text(input, "channel");
      const campaignId = input["campaignId"];
      const matching = ws.deliveries
        .filter(
          (d) =>
            (!channel || d.type === channel) && (campaignId === undefined || d.campaign_id === campaignId),
        )
        .sort((a, b) => b.created - a.created);
      const page = pageOf(matching, count(input, "limit", 50), text(input, "start") || undefined);
      return page.next ? { messages: page.items, next: page.next } : { messages: page.items };
    },
  },
  {
    key: "list-customer-messages",
    name: "List Customer Messages",
    description: "List the deliveries (messages sent) to one person, newest first.",
    type: "list-data-records",
    inputSchema: {
      type: "object",
      properties: {
        customerId: { type: "string", title: "Customer ID", description: "ID or email of the person." },
        limit: { type: "integer", minimum: 1, maximum: 1000, default: 50 },
        start: { type: "string", description: "The `next` value from the previous page." },
      },
      required: ["customerId"],
    },
    outputSchema: deliveryPage,
    run: (input, ws) => {
      const person = requirePerson(ws, text(input, "customerId"));
      const theirs = ws.deliveries
        .filter((d) => d.customer_id === person.id)
        .sort((a, b) => b.created - a.created);
      const page = pageOf(theirs, count(input, "limit", 50), text(input, "start") || undefined);
      return page.next ? { messages: page.items, next: page.next } : { messages: page.items };
    },
  },
];
