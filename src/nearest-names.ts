/**
 * "Did you mean ...?": the known names nearest to a name that matched nothing (a misspelt flag, tool name or
 * glob), by edit distance. A leaf: config.ts and catalog/selection.ts both use it.
 */

/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Up to `limit` known names close enough to `name` to be what was meant: within a third of the longer name's
 * length (at least 2 edits), nearest first, ties in the known names' order. Glob characters are ignored, so
 * `list_segmnts*` still finds `list_segments`.
 */
export function nearestNames(name: string, known: Iterable<string>, limit = 3): string[] {
  const wanted = name.toLowerCase().replace(/[*?[\]{}!]/g, "");
  const scored: { name: string; distance: number }[] = [];
  for (const candidate of new Set(known)) {
    const lower = candidate.toLowerCase();
    const distance = lower.startsWith(wanted) && wanted.length >= 4 ? 0 : editDistance(wanted, lower);
    const allowed = Math.max(2, Math.floor(Math.max(wanted.length, lower.length) / 3));
    if (distance <= allowed) scored.push({ name: candidate, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map((entry) => entry.name);
}
