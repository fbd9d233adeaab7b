/**
 * Keeps a tool result inside --max-output characters. Clients refuse or silently drop results that are too
 * big (Claude Code stops at 25,000 tokens), and a cut in the middle of a record is worse than no record.
 * The text is compact JSON. A list is cut between whole items and the rest of the object is kept; anything
 * else (one huge string, plain text) is cut at a line boundary when there is one near the limit. The note
 * (separate from the text) says what was left out and how to ask for less; capNote bounds a note itself.
 *
 * The list case never re-serializes the whole value per attempt: each item is stringified once, the
 * lengths are summed, and the skeleton around the list is stringified once with a marker in its place.
 */
import { isRecord as isObject } from "../is-record.js";
import { stringifyExactJson } from "../membrane/contract/exact-json.js";

export interface CappedText {
  text: string;
  truncated: boolean;
  omitted?: { chars: number; items?: number; totalItems?: number };
  note?: string;
}

const DEFAULT_MAX_OUTPUT = 40_000;
const ADVICE =
  "Narrow the request: ask for fewer (a limit), page with the cursor, or keep only some fields with `fields`.";
const MARKER = "\u0000customerio-mcp:list\u0000";
const MAX_DEPTH = 3;

const count = (n: number): string => n.toLocaleString("en-US");

/**
 * Compact JSON: pretty-printed, the same 100 records cost an agent about 1.6x the tokens (bench row 8).
 * Numbers come out exactly as Membrane printed them (exact-json.ts).
 */
function stringify(value: unknown): string {
  return stringifyExactJson(value) ?? "null";
}

/** The path (property names) to the list that dominates the value, or undefined when there is none. */
function findList(value: unknown): string[] | undefined {
  const path: string[] = [];
  let current = value;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    if (Array.isArray(current)) return path;
    if (!isObject(current)) return undefined;
    let largest: string | undefined;
    let size = -1;
    for (const [key, member] of Object.entries(current)) {
      const length = stringify(member).length;
      if (length > size) [largest, size] = [key, length];
    }
    if (largest === undefined) return undefined;
    path.push(largest);
    current = current[largest];
  }
  return undefined;
}

/** A copy of `value` with the list at `path` replaced by MARKER (shallow copies along the path only). */
function withMarker(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return MARKER;
  const [key, ...rest] = path as [string, ...string[]];
  const object = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, k === key ? withMarker(v, rest) : v]));
}

function capList(value: unknown, path: string[], maxChars: number): CappedText | undefined {
  let list: unknown = value;
  for (const key of path) list = (list as Record<string, unknown>)[key];
  const items = list as unknown[];
  if (items.length === 0) return undefined;
  const skeleton = stringify(withMarker(value, path));
  const quoted = JSON.stringify(MARKER);
  const at = skeleton.indexOf(quoted);
  const texts = items.map(stringify);
  // Length of the whole text with the first k items: the skeleton around "[", the items joined by ",", "]".
  const base = skeleton.length - quoted.length + 2;
  const prefix: number[] = [0];
  for (const text of texts) prefix.push((prefix.at(-1) ?? 0) + text.length);
  const total = (k: number): number => base + (prefix[k] ?? 0) + Math.max(0, k - 1);
  if (total(0) > maxChars) return undefined;
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (total(mid) <= maxChars) low = mid;
    else high = mid - 1;
  }
  const kept = low;
  const text = `${skeleton.slice(0, at)}[${texts.slice(0, kept).join(",")}]${skeleton.slice(at + quoted.length)}`;
  const chars = total(items.length) - text.length;
  const label = path.length === 0 ? "the result" : `\`${path.join(".")}\``;
  return {
    text,
    truncated: true,
    omitted: { chars, items: items.length - kept, totalItems: items.length },
    note: `Showing ${count(kept)} of ${count(items.length)} items of ${label} (the rest, ${count(chars)} characters, left out). ${ADVICE}`,
  };
}

/** Cuts text at the last line break that fits, or hard at maxChars when that would lose more than half. */
function capLines(full: string, maxChars: number): CappedText {
  let end = Math.max(0, maxChars);
  const newline = full.lastIndexOf("\n", end);
  if (newline > end / 2) end = newline;
  // Never split a surrogate pair.
  const last = full.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  const text = full.slice(0, end);
  const chars = full.length - text.length;
  return {
    text,
    truncated: true,
    omitted: { chars },
    note: `Showing the first ${count(text.length)} of ${count(full.length)} characters (${count(chars)} characters left out). ${ADVICE}`,
  };
}

function limit(maxChars: number): number {
  return Number.isFinite(maxChars) ? Math.max(0, Math.floor(maxChars)) : DEFAULT_MAX_OUTPUT;
}

/** Compact JSON of `value`, cut to at most `maxChars` characters with a note when it does not fit. */
export function capJsonOutput(value: unknown, maxChars: number): CappedText {
  maxChars = limit(maxChars);
  const full = stringify(value);
  if (full.length <= maxChars) return { text: full, truncated: false };
  const path = findList(value);
  return (path && capList(value, path, maxChars)) ?? capLines(full, maxChars);
}

/** The same cut for text that is not JSON (an HTML or plain-text response). */
export function capText(text: string, maxChars: number): CappedText {
  maxChars = limit(maxChars);
  return text.length <= maxChars ? { text, truncated: false } : capLines(text, maxChars);
}

/** A note is for facts and a next step; more than this is a message gone wrong (a 5 MB CLI error). */
export const NOTE_MAX_CHARS = 4000;

/**
 * Cuts a note (the server's own text beside the data) to at most min(maxChars, NOTE_MAX_CHARS) characters,
 * keeping its beginning (the facts come first) and saying how much there was: `totalChars` when the caller
 * already dropped the far end of a huge note.
 */
export function capNote(note: string, maxChars: number, totalChars = note.length): string {
  const max = Math.min(limit(maxChars), NOTE_MAX_CHARS);
  if (note.length <= max) return note;
  const suffix = ` … (cut: ${count(Math.max(totalChars, note.length))} characters in all)`;
  if (suffix.length >= max) return capLines(note, max).text;
  return `${capLines(note, max - suffix.length).text}${suffix}`;
}

/** Far more than a note may show: scrubbing only this head of a 5 MB text keeps it fast, and a key cut at
 * this point lies far beyond what a note keeps. */
export const NOTE_SCRUB_CHARS = 25 * NOTE_MAX_CHARS;
