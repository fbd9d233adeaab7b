/**
 * Which property keys clients take, and the names given to those they refuse. Anthropic's API rejects a
 * whole request for a key outside `^[a-zA-Z0-9_.-]{1,64}$`; Vertex (Gemini) is stricter: a letter or `_`
 * first, then only `A-Za-z0-9_`, at most 64. A key naming a prototype member (`constructor` made the MCP
 * SDK client reject the entire tools/list) is renamed everywhere. advertise.ts renames, decoders map back.
 */
import type { SchemaProfile } from "./types.js";

export interface KeyRule {
  /** What a key may be made of; anything else becomes `_`. */
  readonly disallowed: RegExp;
  readonly shape: RegExp;
}

const CLIENT_KEYS: KeyRule = { disallowed: /[^a-zA-Z0-9_.-]+/g, shape: /^[a-zA-Z0-9_.-]{1,64}$/ };
const VERTEX_KEYS: KeyRule = { disallowed: /[^a-zA-Z0-9_]+/g, shape: /^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/ };

export function keyRule(profile: SchemaProfile): KeyRule {
  return profile === "gemini" ? VERTEX_KEYS : CLIENT_KEYS;
}

/** True for a key every client of the rule takes as a property name. */
export function isSafeKey(key: string, rule: KeyRule = CLIENT_KEYS): boolean {
  return rule.shape.test(key) && !(key in Object.prototype) && key !== "prototype";
}

/** A safe name for `key`, not in `taken`: its characters kept where allowed, `_` elsewhere. */
export function safeKey(key: string, taken: ReadonlySet<string>, rule: KeyRule): string {
  let base =
    key
      .replace(rule.disallowed, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 60) || "property";
  if (!isSafeKey(base, rule))
    base = /^[a-zA-Z]/.test(base) ? `${base.slice(0, 59)}_` : `_${base.slice(0, 59)}`;
  let name = base;
  for (let n = 2; taken.has(name) || !isSafeKey(name, rule); n++) name = `${base}_${n}`;
  return name;
}

/**
 * A key written as a placeholder for any name (`<file-name>`, `{attribute}`), as Customer.io's documents
 * do. In an open object it is not advertised as a property of its own: the description says any key
 * takes that value (Membrane still reads the literal key, which the faithful check keeps).
 */
export function isPlaceholderKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first !== 60 && first !== 123) return false; // "<" or "{": most keys are neither
  return /^<[^<>]+>$/.test(key) || /^\{[^{}]+\}$/.test(key);
}
