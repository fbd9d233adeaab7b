/**
 * The one "is this a JSON object (not null, not an array)" check the server uses; a leaf every layer may
 * import. A number kept exactly as Membrane printed it (membrane/contract/exact-json.ts) is a number, not
 * an object, though JavaScript holds it in one.
 */
import { isLosslessNumber } from "lossless-json";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}
