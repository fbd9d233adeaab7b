/**
 * Turns an ActionSpec into the Action record the CLI prints: a deterministic 24-hex id derived from the
 * key (or the name when the key is empty), the connection id, and only the fields the spec sets. Every
 * record carries `isReadOnly: true`, as the elements of a published package may: it says the definition
 * cannot be edited, nothing about what running the action does.
 */
import { createHash } from "node:crypto";
import { INTEGRATION } from "../connection.js";
import type { JsonObject } from "../state/types.js";
import type { ActionSpec } from "./types.js";

export function actionId(spec: Pick<ActionSpec, "key" | "name">): string {
  const seed = spec.key === "" ? `name:${spec.name}` : spec.key;
  return createHash("sha256").update(`customerio-sandbox:${seed}`).digest("hex").slice(0, 24);
}

export function actionRecord(spec: ActionSpec, connectionId: string): JsonObject {
  const record: JsonObject = {
    id: actionId(spec),
    key: spec.key,
    name: spec.name,
    description: spec.description,
    type: spec.type,
  };
  if (spec.inputSchema) record["inputSchema"] = spec.inputSchema;
  if (spec.outputSchema) record["outputSchema"] = spec.outputSchema;
  record["connectionId"] = connectionId;
  record["integration"] = { ...INTEGRATION };
  record["isReadOnly"] = true; // A published package's element: its definition cannot be edited.
  if (spec.state !== undefined) record["state"] = spec.state;
  return record;
}
