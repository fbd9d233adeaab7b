/**
 * Turns an ActionSpec into the Action record the CLI prints: a deterministic 24-hex id derived from the
 * key (or the name when the key is empty), the connection id, and only the fields the spec sets.
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
  if (spec.isReadOnly !== undefined) record["isReadOnly"] = spec.isReadOnly;
  if (spec.state !== undefined) record["state"] = spec.state;
  return record;
}
