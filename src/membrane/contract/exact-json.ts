/**
 * JSON from Membrane read without losing a digit (issue #18): `JSON.parse` turns 12345678901234567890 into
 * 12345678901234567000 and 1.10 into 1.1, and the agent would get the user's data altered. Here a number
 * whose text a JavaScript number cannot give back exactly stays the text it was (lossless-json's
 * LosslessNumber), and stringifyExactJson prints it as written. Every other number is a plain number, so
 * the common case costs nothing more. The one place both backends read a run answer or a response body.
 */
import { isLosslessNumber, LosslessNumber, parse, stringify } from "lossless-json";

/** Number tokens that may not survive a round trip: 16+ digits, a trailing 0 after the point, an exponent, -0. */
const MAYBE_INEXACT = /\d(?:\.?\d){15,}|\.\d*0(?!\d)|\d[eE]|-0(?![.\deE1-9])/;

/** A number JavaScript cannot hold exactly, kept as the text Membrane printed. */
export type ExactNumber = LosslessNumber;

export function isExactNumber(value: unknown): value is ExactNumber {
  return isLosslessNumber(value);
}

function parseNumber(text: string): number | LosslessNumber {
  const number = Number(text);
  return String(number) === text ? number : new LosslessNumber(text);
}

/**
 * Parses JSON text; numbers that would change are ExactNumber values. Throws SyntaxError on text that is
 * not JSON. (Duplicate keys, which lossless-json refuses, fall back to JSON.parse: the last one wins.)
 */
export function parseExactJson(text: string): unknown {
  if (!MAYBE_INEXACT.test(text)) return JSON.parse(text);
  try {
    return parse(text, null, parseNumber);
  } catch {
    return JSON.parse(text); // Duplicate keys: the last wins, as everywhere; not JSON at all: throws.
  }
}

/** The values directly inside `value` (an array's items, an object's property values), else none. */
function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "object" && value !== null && !isExactNumber(value)) return Object.values(value);
  return [];
}

/**
 * Walks `value` without recursion (Membrane may return thousands of levels) and reports whether it holds
 * an ExactNumber, and whether it nests deeper than `maxDepth`.
 */
export function inspectJson(value: unknown, maxDepth = Number.POSITIVE_INFINITY) {
  let exactNumbers = false;
  let tooDeep = false;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0 && !(exactNumbers && tooDeep)) {
    const [current, depth] = stack.pop()!;
    if (isExactNumber(current)) exactNumbers = true;
    const inside = children(current);
    if (inside.length > 0 && depth + 1 > maxDepth) tooDeep = true;
    for (const child of inside)
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
  }
  return { exactNumbers, tooDeep };
}

/** Whether `value` holds an ExactNumber anywhere (then only stringifyExactJson prints it faithfully). */
export function hasExactNumbers(value: unknown): boolean {
  return inspectJson(value).exactNumbers;
}

/** Compact JSON without recursion, for values too deep for JSON.stringify (a RangeError there). */
function stringifyIteratively(root: unknown): string | undefined {
  type Frame = { items: unknown[]; keys?: string[]; at: number };
  const out: string[] = [];
  const stack: Frame[] = [];
  const skipped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";
  const emit = (value: unknown): void => {
    if (isExactNumber(value)) out.push(value.value);
    else if (Array.isArray(value)) {
      out.push("[");
      stack.push({ items: value, at: 0 });
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value).filter(([, v]) => !skipped(v));
      out.push("{");
      stack.push({ items: entries.map(([, v]) => v), keys: entries.map(([k]) => k), at: 0 });
    } else out.push(JSON.stringify(skipped(value) ? null : value));
  };
  if (skipped(root)) return undefined;
  emit(root);
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    if (frame.at >= frame.items.length) {
      out.push(frame.keys ? "}" : "]");
      stack.pop();
      continue;
    }
    if (frame.at > 0) out.push(",");
    if (frame.keys) out.push(`${JSON.stringify(frame.keys[frame.at])}:`);
    emit(frame.items[frame.at++]);
  }
  return out.join("");
}

/** JSON text of `value` with every ExactNumber as written; JSON.stringify's output when there is none. */
export function stringifyExactJson(value: unknown, indent?: number): string | undefined {
  try {
    if (!hasExactNumbers(value)) return JSON.stringify(value, null, indent);
    return stringify(value, null, indent);
  } catch (error) {
    // Nesting too deep for the recursive printers: the same compact text, printed without recursion.
    if (error instanceof RangeError) return stringifyIteratively(value);
    throw error;
  }
}
