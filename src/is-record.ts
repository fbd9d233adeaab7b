/** The one "is this a JSON object (not null, not an array)" check the server uses; a leaf every layer may import. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
