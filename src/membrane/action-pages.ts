/**
 * Every action of a connection, page after page: the same rules for both backends (the CLI's `action list`
 * and REST's `GET /actions` answer the same pages). Cursors are followed until none comes back, a cursor
 * repeats, or a page adds nothing new; a pager that never ends is stopped after MAX_PAGES.
 */
import type { Logger } from "../log.js";
import type { ActionListing } from "./backend.js";
import { type Action, ActionSchema, type PageSchema, parseItems } from "./contract/records.js";

/** Safety stop for a pager that never ends. */
export const MAX_PAGES = 200;

type Page = ReturnType<typeof PageSchema.parse>;

export async function collectActionPages(
  fetchPage: (cursor: string | undefined) => Promise<Page>,
  log: Logger,
  options: { onPage?: ((count: number, page: number) => void) | undefined } = {},
  firstCursor?: string,
): Promise<ActionListing> {
  const byId = new Map<string, Action>();
  const seenCursors = new Set<string>();
  let cursor = firstCursor;
  let skipped = 0;
  let pages = 0;
  while (pages < MAX_PAGES) {
    const page = await fetchPage(cursor);
    pages++;
    const parsed = parseItems(page.items, ActionSchema);
    skipped += parsed.skipped;
    const before = byId.size;
    for (const action of parsed.valid) if (!byId.has(action.id)) byId.set(action.id, action);
    options.onPage?.(byId.size, pages);
    const next = page.cursor ?? undefined;
    if (!next || seenCursors.has(next) || (byId.size === before && parsed.valid.length > 0)) break;
    seenCursors.add(next);
    cursor = next;
  }
  if (pages >= MAX_PAGES) log.warning(`Stopped listing actions after ${MAX_PAGES} pages`);
  return { actions: [...byId.values()], skipped, pages };
}
