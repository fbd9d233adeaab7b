/**
 * Actions on activities, exports, collections and snippets, plus event tracking. Quirks carried here:
 * an action with an empty `key` and an `isImplied` property.
 */
import {
  activitiesOf,
  collectionView,
  createCollection,
  createCustomerExport,
  requireExport,
  trackEvent,
  upsertSnippet,
} from "../workspace/data.js";
import { pageOf } from "../workspace/paging.js";
import { requirePerson } from "../workspace/people.js";
import {
  activity,
  activityPage,
  collectionList,
  oneCollection,
  oneExport,
  oneSnippet,
  snippetList,
} from "./output-schemas.js";
import { segmentRecords } from "./reference-records.js";
import { type ActionSpec, count, objectInput, text } from "./types.js";

export const dataActions: ActionSpec[] = [
  {
    key: "list-customer-activities",
    name: "List Customer Activities",
    description:
      "List a person's recent activity: events, page views, message opens and clicks, newest first.",
    type: "list-data-records",
    inputSchema: {
      type: "object",
      properties: {
        customerId: { type: "string", title: "Customer ID" },
        type: {
          type: "string",
          enum: ["event", "page", "email_opened", "email_clicked", "attribute_change"],
        },
        limit: { type: "integer", minimum: 1, maximum: 100, default: 25 },
        start: { type: "string" },
      },
      required: ["customerId"],
    },
    outputSchema: activityPage,
    run: (input, ws) => {
      const person = requirePerson(ws, text(input, "customerId"));
      const all = activitiesOf(ws, person.id, text(input, "type") || undefined);
      const page = pageOf(all, count(input, "limit", 25), text(input, "start") || undefined);
      return page.next ? { activities: page.items, next: page.next } : { activities: page.items };
    },
  },
  {
    key: "track-event",
    name: "Track Event",
    description: "Record an event for a person, which can trigger event-based campaigns.",
    type: "create-data-record",
    inputSchema: {
      type: "object",
      properties: {
        customerId: { type: "string", title: "Customer ID" },
        name: { type: "string", title: "Event name", minLength: 1, maxLength: 100 },
        data: { type: "object", additionalProperties: true },
        timestamp: { type: "integer", isImplied: true, description: "Unix seconds; defaults to now." },
      },
      required: ["customerId", "name"],
    },
    outputSchema: activity,
    run: (input, ws) => {
      const at = typeof input["timestamp"] === "number" ? input["timestamp"] : undefined;
      return trackEvent(ws, text(input, "customerId"), text(input, "name"), objectInput(input, "data"), at);
    },
  },
  {
    key: "create-export",
    name: "Create Export",
    description: "Export the people in a segment with their attributes. Fetch the result with Get Export.",
    type: "create-data-record",
    inputSchema: {
      type: "object",
      properties: {
        segmentId: { type: "string", title: "Segment", referenceRecords: segmentRecords() },
        description: { type: "string", maxLength: 200 },
      },
      required: ["segmentId"],
    },
    outputSchema: oneExport,
    run: (input, ws) => ({
      export: createCustomerExport(ws, text(input, "segmentId"), text(input, "description") || undefined),
    }),
  },
  {
    key: "get-export",
    name: "Get Export",
    description: "Get an export's status and the number of rows it holds.",
    type: "find-data-record-by-id",
    inputSchema: {
      type: "object",
      properties: { exportId: { type: "integer", minimum: 1 } },
      required: ["exportId"],
    },
    outputSchema: oneExport,
    run: (input, ws) => ({ export: requireExport(ws, input["exportId"]) }),
  },
  {
    key: "list-collections",
    name: "List Collections",
    description: "List data collections (lookup tables usable in messages).",
    type: "list-data-records",
    inputSchema: { type: "object", properties: {} },
    outputSchema: collectionList,
    run: (_input, ws) => ({ collections: ws.collections.map(collectionView) }),
  },
  {
    key: "create-collection",
    name: "Create Collection",
    description: "Create a collection from an array of JSON objects.",
    type: "create-data-record",
    inputSchema: {
      type: "object",
      properties: {
        name: { type: "string", minLength: 1, maxLength: 100 },
        data: { type: "array", items: { type: "object", additionalProperties: true }, maxItems: 5000 },
      },
      required: ["name", "data"],
    },
    outputSchema: oneCollection,
    run: (input, ws) => ({ collection: collectionView(createCollection(ws, input["name"], input["data"])) }),
  },
  {
    key: "list-snippets",
    name: "List Snippets",
    description: "List reusable content snippets and their values.",
    type: "list-data-records",
    inputSchema: { type: "object", properties: {} },
    outputSchema: snippetList,
    run: (_input, ws) => ({ snippets: ws.snippets }),
  },
  {
    key: "",
    name: "Create or Update Snippet",
    description: "Create a snippet, or replace the value of the snippet with the same name.",
    type: "find-or-create-data-record",
    inputSchema: {
      type: "object",
      properties: {
        name: { type: "string", minLength: 1, maxLength: 100 },
        value: { type: "string", isRichText: true },
      },
      required: ["name", "value"],
    },
    outputSchema: oneSnippet,
    run: (input, ws) => ({ snippet: upsertSnippet(ws, text(input, "name"), text(input, "value")) }),
  },
];
