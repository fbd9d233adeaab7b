/**
 * Which actions become direct tools. Every tool definition costs the agent context and some clients cap
 * the count (Cursor sends the first 40), so the direct tools are chosen by one documented rule and the rest
 * stay reachable through search_actions and run_action:
 *   1. drop actions excluded by --exclude-tools, not named by --tools (when given), http-request and
 *      run-javascript actions not named exactly in --tools, actions that may write in read-only mode, and
 *      actions whose schema could not be converted;
 *   2. order what is left: actions named exactly in --tools first, then reads (list, find, search), then
 *      writes (create, update), then other operations, then destructive ones; ties by tool name;
 *   3. take them in that order while the tool count (generic tools included) stays within --max-tools and
 *      the tools/list JSON within the character budget.
 */
import picomatch from "picomatch";
import { offeredInReadOnly } from "./effects.js";
import type { CatalogEntry } from "./entries.js";

/** About 10,000 tokens at ~4 characters a token. */
export const DEFAULT_LIST_BUDGET_CHARS = 40_000;

export type OmittedReason = "excluded" | "not-included" | "arbitrary" | "read-only" | "schema" | "budget";

export interface SelectionOptions {
  readOnly: boolean;
  include: readonly string[] | undefined;
  exclude: readonly string[];
  maxTools: number;
  maxChars: number;
  /** Count and characters already spent on the generic tools. */
  reservedCount: number;
  reservedChars: number;
  sizeOf: (entry: CatalogEntry) => number;
}

export interface Selection {
  direct: CatalogEntry[];
  omitted: Array<{ entry: CatalogEntry; reason: OmittedReason }>;
  /** Characters of the direct action tools' definitions. */
  chars: number;
}

export function nameMatcher(patterns: readonly string[]): (name: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map((pattern) => picomatch(pattern.toLowerCase(), { nocase: true }));
  return (name) => matchers.some((matches) => matches(name));
}

/**
 * An http-request or run-javascript action (an arbitrary endpoint, custom code) is offered only when the
 * person names it exactly, by tool name or key, in --tools: a glob such as `*` is not enough.
 */
export function isNamedInTools(entry: CatalogEntry, tools: readonly string[] | undefined): boolean {
  const names = new Set((tools ?? []).map((name) => name.trim().toLowerCase()));
  return names.has(entry.toolName) || (!!entry.action.key && names.has(entry.action.key.toLowerCase()));
}

function rank(entry: CatalogEntry): number {
  if (entry.effects.readOnly) return 1;
  if (!entry.effects.destructive) return 2;
  if (!entry.effects.highBlast) return 3;
  return 4;
}

export function selectDirectTools(entries: readonly CatalogEntry[], options: SelectionOptions): Selection {
  const isExcluded = nameMatcher(options.exclude);
  const isIncluded = options.include ? nameMatcher(options.include) : () => true;
  const named = new Set((options.include ?? []).map((name) => name.toLowerCase()));
  const omitted: Selection["omitted"] = [];
  const eligible: CatalogEntry[] = [];
  for (const entry of entries) {
    const name = entry.toolName;
    if (isExcluded(name) || (entry.action.key && isExcluded(entry.action.key)))
      omitted.push({ entry, reason: "excluded" });
    else if (!isIncluded(name) && !(entry.action.key && isIncluded(entry.action.key)))
      omitted.push({ entry, reason: "not-included" });
    else if (entry.effects.arbitrary && !isNamedInTools(entry, options.include))
      omitted.push({ entry, reason: "arbitrary" });
    else if (options.readOnly && !offeredInReadOnly(entry.effects))
      omitted.push({ entry, reason: "read-only" });
    else if (!entry.normalized) omitted.push({ entry, reason: "schema" });
    else eligible.push(entry);
  }
  eligible.sort((a, b) => {
    const byName = Number(!named.has(a.toolName)) - Number(!named.has(b.toolName));
    return byName || rank(a) - rank(b) || (a.toolName < b.toolName ? -1 : a.toolName > b.toolName ? 1 : 0);
  });
  const direct: CatalogEntry[] = [];
  let chars = 0;
  for (const entry of eligible) {
    const size = options.sizeOf(entry);
    const fitsCount = options.reservedCount + direct.length + 1 <= options.maxTools;
    const fitsChars = options.reservedChars + chars + size <= options.maxChars;
    if (fitsCount && fitsChars) {
      direct.push(entry);
      chars += size;
    } else {
      omitted.push({ entry, reason: "budget" });
    }
  }
  return { direct, omitted, chars };
}
