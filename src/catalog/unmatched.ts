/**
 * Settings that do nothing: a --tools, --exclude-tools or --read-only-allow name or glob that matches no
 * action of the catalog (by tool name or key). A misspelt name otherwise fails silently ("0 direct tools",
 * or a read the person meant to allow still hidden), so each is named, with the nearest real names. The
 * server logs these once the catalog is known, and doctor prints them.
 */
import { nearestNames } from "../nearest-names.js";
import type { CatalogEntry } from "./entries.js";
import { nameMatcher } from "./selection.js";

export interface UnmatchedName {
  flag: "--tools" | "--exclude-tools" | "--read-only-allow";
  pattern: string;
  /** Real tool names or keys close to the pattern, nearest first (may be empty). */
  nearest: string[];
}

export interface NameSettings {
  tools: readonly string[] | undefined;
  excludeTools: readonly string[];
  readOnlyAllow: readonly string[];
}

/** `genericNames`: the generic tools' names, which --exclude-tools may name too. */
export function unmatchedNames(
  settings: NameSettings,
  entries: readonly CatalogEntry[],
  genericNames: readonly string[] = [],
): UnmatchedName[] {
  const actionNames = entries.flatMap((entry) => [
    entry.toolName,
    ...(entry.action.key ? [entry.action.key] : []),
  ]);
  const found: UnmatchedName[] = [];
  const check = (flag: UnmatchedName["flag"], patterns: readonly string[], known: readonly string[]) => {
    for (const pattern of patterns) {
      const matches = nameMatcher([pattern]);
      if (!known.some((name) => matches(name)))
        found.push({ flag, pattern, nearest: nearestNames(pattern, known) });
    }
  };
  check("--tools", settings.tools ?? [], actionNames);
  check("--exclude-tools", settings.excludeTools, [...actionNames, ...genericNames]);
  check("--read-only-allow", settings.readOnlyAllow, actionNames);
  return found;
}

/** One line for the log or doctor: what matched nothing, and what may have been meant. */
export function describeUnmatched(unmatched: UnmatchedName): string {
  const near =
    unmatched.nearest.length > 0 ? `; did you mean ${unmatched.nearest.join(", ")}?` : "; no name is close";
  return `${unmatched.flag} "${unmatched.pattern}" matches no action, so it does nothing${near}`;
}
