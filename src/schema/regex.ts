/**
 * Patterns run in linear time. A `pattern` from an action's schema is matched by RE2 (re2js, pure JS), so
 * no pattern and no input can stall the event loop (`^(\w+\s?)*$` against "aaaa…!" takes tens of seconds
 * with backtracking). A pattern RE2 cannot compile (lookaround, backreferences) is not checked: it is kept
 * as an annotation in the description. Ajv takes `re2Engine` as its `code.regExp`.
 */
import { RE2JS } from "re2js";

const compiledPatterns = new Map<string, RE2JS | null>();

function compileRe2(pattern: string): RE2JS | null {
  let compiled = compiledPatterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(pattern);
    } catch {
      compiled = null;
    }
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

/** True when the pattern can be checked in linear time (RE2 syntax, which JSON Schema patterns mostly are). */
export function isLinearPattern(pattern: string): boolean {
  return compileRe2(pattern) !== null;
}

/** Ajv's `code.regExp`: a RegExp-like object backed by RE2 (`u` is ignored: RE2 is Unicode-aware). */
export const re2Engine = Object.assign(
  (pattern: string, _flags: string) => {
    const compiled = compileRe2(pattern);
    if (compiled === null) throw new Error(`pattern not supported by the linear-time engine: ${pattern}`);
    // Ajv keys its compiled patterns by toString(): each pattern needs its own.
    return { test: (text: string) => compiled.matcher(text).find(), toString: () => `re2:${pattern}` };
  },
  { code: "re2js" },
);
