/**
 * What read-only mode does to this catalog, for connection_status and doctor: how many actions it hides,
 * which of them a person could vouch for as reads (--read-only-allow), and which they already vouched for.
 * Read-only hides every action Membrane does not call a read, so a person needs to see the cost and the way
 * out in one place.
 */

import { offeredInReadOnly } from "./effects.js";
import type { CatalogEntry } from "./entries.js";

interface ReadOnlySummary {
  /** Actions read-only mode hides and refuses. */
  hidden: number;
  /** Hidden actions whose effect Membrane does not state: the ones --read-only-allow can let through. */
  couldAllow: string[];
  /** Actions let through because the person vouched for them. */
  allowed: string[];
  /** A sentence for a person, or undefined when there is nothing to say. */
  advice: string | undefined;
}

const SHOWN = 8;

export function summarizeReadOnly(entries: readonly CatalogEntry[], readOnly: boolean): ReadOnlySummary {
  const allowed = entries.filter((e) => e.effects.basis === "vouched").map((e) => e.toolName);
  if (!readOnly) return { hidden: 0, couldAllow: [], allowed, advice: undefined };
  const hiddenEntries = entries.filter((entry) => !offeredInReadOnly(entry.effects));
  const couldAllow = hiddenEntries.filter((e) => e.effects.basis === "unknown").map((e) => e.toolName);
  let advice: string | undefined;
  if (hiddenEntries.length > 0) {
    const examples = couldAllow.slice(0, SHOWN).join(", ");
    advice =
      `Read-only hides ${hiddenEntries.length} of ${entries.length} actions: those Membrane does not call reads (only its list, find and search types are).` +
      (couldAllow.length > 0
        ? ` ${couldAllow.length} of them are operations whose effect Membrane does not state (${examples}${couldAllow.length > SHOWN ? ", …" : ""}); if you know some only read data, allow them with --read-only-allow <names or globs> / CUSTOMERIO_MCP_READ_ONLY_ALLOW.`
        : "");
  }
  return { hidden: hiddenEntries.length, couldAllow, allowed, advice };
}
