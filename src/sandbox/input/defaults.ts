/**
 * Fills in top-level `default` values before an action runs, as Membrane does, including formula
 * defaults such as `{"$var": "$.input.email"}` that copy another input value.
 */
import type { ActionInput } from "../catalog/types.js";

function isFormula(value: unknown): value is { $var: string } {
  return (
    typeof value === "object" && value !== null && typeof (value as { $var?: unknown }).$var === "string"
  );
}

function resolveVar(path: string, input: ActionInput): unknown {
  const match = /^\$\.input\.(.+)$/.exec(path);
  if (!match?.[1]) return undefined;
  let current: unknown = input;
  for (const part of match[1].split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function applyDefaults(schema: unknown, input: ActionInput): ActionInput {
  if (typeof schema !== "object" || schema === null) return input;
  const properties = (schema as { properties?: unknown }).properties;
  if (typeof properties !== "object" || properties === null) return input;
  const filled: ActionInput = { ...input };
  for (const [name, property] of Object.entries(properties as Record<string, unknown>)) {
    if (filled[name] !== undefined || typeof property !== "object" || property === null) continue;
    const fallback = (property as { default?: unknown }).default;
    if (fallback === undefined) continue;
    const value = isFormula(fallback) ? resolveVar(fallback.$var, input) : fallback;
    if (value !== undefined) filled[name] = value;
  }
  return filled;
}
