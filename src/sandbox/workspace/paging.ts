/**
 * Offset paging behind opaque cursors, the way Customer.io's `start`/`next` and Membrane's `cursor` look
 * to a client: a string to pass back unchanged, absent on the last page.
 */
import { UsageError } from "../failure.js";

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, "utf8").toString("base64url");
}

/** The offset a cursor stands for; `undefined` means "from the start". Throws on a forged cursor. */
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1]) throw new UsageError(`error: invalid cursor "${cursor}"`);
  return Number(match[1]);
}

interface Page<T> {
  items: T[];
  next: string | undefined;
}

export function pageOf<T>(items: T[], limit: number, cursor: string | undefined): Page<T> {
  const offset = decodeCursor(cursor);
  const slice = items.slice(offset, offset + limit);
  const end = offset + slice.length;
  return { items: slice, next: end < items.length ? encodeCursor(end) : undefined };
}

/** Parses a positive integer limit with a fallback and an upper cap. */
export function clampLimit(raw: unknown, fallback: number, cap: number): number {
  const value = typeof raw === "string" ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 1) return fallback;
  return Math.min(Math.floor(value), cap);
}
