/**
 * A plain word-overlap ranking over the catalog, used when Membrane's semantic search is not available
 * (an older CLI, or a failure on its side), so search_actions still finds actions by intent.
 */
import type { CatalogEntry } from "./entries.js";

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1)
    .map((word) => (word.length > 3 ? word.replace(/(es|s)$/, "") : word));

export function rankEntries(entries: readonly CatalogEntry[], query: string, limit: number): CatalogEntry[] {
  const wanted = new Set(words(query));
  if (wanted.size === 0) return [];
  const scored: Array<{ entry: CatalogEntry; score: number }> = [];
  for (const entry of entries) {
    const title = new Set(words(`${entry.action.key ?? ""} ${entry.title}`));
    const body = new Set(words(entry.action.description ?? ""));
    let score = 0;
    for (const word of wanted) score += (title.has(word) ? 3 : 0) + (body.has(word) ? 1 : 0);
    if (score > 0) scored.push({ entry, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.entry.toolName < b.entry.toolName ? -1 : 1));
  return scored.slice(0, limit).map((item) => item.entry);
}
