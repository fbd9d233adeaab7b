/**
 * The `fields` argument of run_action and proxy_request: keeps only the named parts of a result before it
 * is measured against --max-output, and says which paths matched nothing (usually a typo worth fixing).
 */
import { missingFields, pickFields } from "../safety/shape-output.js";

export function selectFields(
  value: unknown,
  fields: readonly string[] | undefined,
): { value: unknown; note?: string } {
  if (!fields || fields.length === 0 || typeof value !== "object" || value === null) return { value };
  const missing = missingFields(value, fields);
  const picked = pickFields(value, fields) ?? null;
  return missing.length > 0
    ? { value: picked, note: `These fields matched nothing: ${missing.join(", ")}.` }
    : { value: picked };
}
