/**
 * Generated filler actions for benchmarks (`CUSTOMERIO_SANDBOX_EXTRA_ACTIONS=<n>`): varied types, names
 * and schemas (nested objects, enums, arrays, pick-lists and the dialect's quirks), deterministic per
 * index so the first k actions are the same whatever n is.
 */
import type { Json, JsonObject } from "../state/types.js";
import { type ActionInput, type ActionSpec, type ActionType, readsOnly } from "./types.js";

// biome-ignore format: a word list reads better dense
const RESOURCES = [
  "Device", "Object", "Relationship", "Sender Identity", "Layout", "Asset", "Journey", "Workspace Member",
  "Subscription Topic", "Event Definition", "Attribute Definition", "Message Template", "Webhook", "Import",
  "Translation", "In-App Message", "SMS Number", "Push Credential",
];

const VERBS: [verb: string, type: ActionType][] = [
  ["List", "list-data-records"],
  ["Get", "find-data-record-by-id"],
  ["Search", "search-data-record"],
  ["Find", "match-data-record"],
  ["Create", "create-data-record"],
  ["Update", "update-data-record"],
  ["Delete", "delete-data-record"],
  ["Find or Create", "find-or-create-data-record"],
  ["Sync", "connector-operation"],
  ["Archive", "connector-operation"],
];

const QUALIFIERS = [
  "",
  "by Name",
  "for Campaign",
  "in Bulk",
  "(EU region)",
  "with Metadata",
  "for Segment",
  "v2",
];

/** mulberry32: a tiny, well-known PRNG, seeded per action index. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;
const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function inputSchemaFor(index: number, resource: string, next: () => number): JsonObject | undefined {
  if (index % 11 === 10) return undefined;
  const properties: Record<string, Json> = {
    [`${slug(resource).replace(/-/g, "_")}_id`]: { type: "string", title: `${resource} ID` },
    options: {
      type: "object",
      properties: {
        locale: { type: "string", enum: ["en", "de", "fr", "es", "pt-BR"], default: "en" },
        include: {
          type: "array",
          items: { type: "string", enum: ["metrics", "tags", "history"] },
          maxItems: 3,
        },
        page: { type: "object", properties: { size: { type: "integer", minimum: 1, maximum: 200 } } },
      },
    },
  };
  if (index % 7 === 3) properties["tags"] = { type: "array", description: "Free-form tags." };
  else properties["tags"] = { type: "array", items: { type: "string", maxLength: 50 } };
  if (index % 5 === 2) properties["note"] = { type: ["string", "null"], maxLength: 2000 };
  if (index % 9 === 5) properties["owner"] = { $ref: "customer" };
  if (index % 8 === 6) {
    properties["channel"] = {
      type: "string",
      referenceRecords: [
        { id: "email", name: "Email" },
        { id: "sms", name: "SMS" },
      ],
    };
  }
  if (next() < 0.3) properties["updated_after"] = { type: "string", format: "date-time" };
  const required = [Object.keys(properties)[0] as string];
  if (index % 13 === 4) required.push("legacy_id");
  return { type: "object", properties, required };
}

function runGenerated(key: string, readOnly: boolean, index: number) {
  return (input: ActionInput): unknown =>
    readOnly
      ? { items: [{ id: `${key}-item-1`, index, createdAt: "2024-06-01T00:00:00Z" }], total: 1 }
      : { id: `${key}-${Object.keys(input).length}`, status: "ok", received: input as Json };
}

export function extraActions(n: number): ActionSpec[] {
  return Array.from({ length: Math.max(0, Math.floor(n)) }, (_, index) => {
    const next = random(index * 7919 + 17);
    const resource = pick(RESOURCES, next);
    const [verb, type] = pick(VERBS, next);
    const readOnly = readsOnly({ type });
    const qualifier = pick(QUALIFIERS, next);
    const name = [verb, verb === "List" || verb === "Search" ? `${resource}s` : resource, qualifier]
      .filter(Boolean)
      .join(" ");
    const key = `${slug(name)}-x${index + 1}`;
    const inputSchema = inputSchemaFor(index, resource, next);
    const spec: ActionSpec = {
      key,
      name,
      description: `${verb} ${resource.toLowerCase()} records${qualifier ? ` ${qualifier.toLowerCase()}` : ""} in Customer.io.`,
      type,
      run: runGenerated(key, readOnly, index),
    };
    if (inputSchema) spec.inputSchema = inputSchema;
    return spec;
  });
}
