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

/** Whether `value` holds an ExactNumber anywhere (then only stringifyExactJson prints it faithfully). */
export function hasExactNumbers(value: unknown): boolean {
  if (isExactNumber(value)) return true;
  if (Array.isArray(value)) return value.some(hasExactNumbers);
  if (typeof value === "object" && value !== null) return Object.values(value).some(hasExactNumbers);
  return false;
}

/** JSON text of `value` with every ExactNumber as written; JSON.stringify's output when there is none. */
export function stringifyExactJson(value: unknown, indent?: number): string | undefined {
  if (!hasExactNumbers(value)) return JSON.stringify(value, null, indent);
  return stringify(value, null, indent);
}
