/**
 * Activities, deliveries, exports, collections, snippets and tracked events: the record-keeping side of
 * the workspace, shared by actions and the simulated App API.
 */
import { notFound, unprocessable } from "../failure.js";
import type { Activity, Collection, DataExport, JsonObject, Snippet, Workspace } from "../state/types.js";
import { nowSeconds, requirePerson } from "./people.js";
import { requireSegment } from "./segments.js";

export function activitiesOf(workspace: Workspace, customerId?: string, type?: string): Activity[] {
  return workspace.activities
    .filter((a) => (customerId === undefined || a.customer_id === customerId) && (!type || a.type === type))
    .sort((a, b) => b.timestamp - a.timestamp);
}

export function trackEvent(
  workspace: Workspace,
  customerId: string,
  name: string,
  data: JsonObject,
  at?: number,
) {
  const person = requirePerson(workspace, customerId);
  if (name.trim() === "") throw unprocessable("event name can't be blank", "/name");
  const activity: Activity = {
    id: `act_evt_${workspace.activities.length + 1}_${nowSeconds().toString(36)}`,
    customer_id: person.id,
    type: "event",
    name,
    timestamp: at ?? nowSeconds(),
    data,
    delivery_id: null,
  };
  workspace.activities.push(activity);
  return activity;
}

export function requireExport(workspace: Workspace, id: unknown): DataExport {
  const found = workspace.exports.find((e) => e.id === Number(id));
  if (!found) throw notFound(`export ${String(id)}`);
  return found;
}

/** Starts an export of a segment's people; the sandbox finishes it at once. */
export function createCustomerExport(
  workspace: Workspace,
  segmentId: unknown,
  description?: string,
): DataExport {
  const segment = requireSegment(workspace, segmentId);
  const now = nowSeconds();
  const created: DataExport = {
    id: workspace.counters.export++,
    type: "customers",
    description: description ?? `Export of segment "${segment.name}"`,
    status: "done",
    total: segment.member_ids.length,
    segment_id: segment.id,
    created_at: now,
    updated_at: now,
    downloads: 0,
  };
  workspace.exports.push(created);
  return created;
}

export function collectionView(collection: Collection): JsonObject {
  const { data: _data, ...rest } = collection;
  return rest;
}

export function createCollection(workspace: Workspace, name: unknown, data: unknown): Collection {
  if (typeof name !== "string" || name.trim() === "") throw unprocessable("name can't be blank", "/name");
  if (!Array.isArray(data)) throw unprocessable("data must be an array of objects", "/data");
  const rows = data.filter(
    (row): row is JsonObject => typeof row === "object" && row !== null && !Array.isArray(row),
  );
  const schema = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const now = nowSeconds();
  const collection: Collection = {
    id: workspace.counters.collection++,
    name,
    rows: rows.length,
    schema,
    data: rows,
    created_at: now,
    updated_at: now,
  };
  workspace.collections.push(collection);
  return collection;
}

export function upsertSnippet(workspace: Workspace, name: string, value: string): Snippet {
  const existing = workspace.snippets.find((s) => s.name === name);
  if (existing) {
    existing.value = value;
    existing.updated_at = nowSeconds();
    return existing;
  }
  const snippet = { name, value, updated_at: nowSeconds() };
  workspace.snippets.push(snippet);
  return snippet;
}
