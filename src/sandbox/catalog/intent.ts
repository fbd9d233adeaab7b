/**
 * A stand-in for Membrane's semantic search: scores each action by how many of the intent's words occur
 * in its key, name and description (key and name weigh more), keeps scores above zero, best first.
 */
import type { ActionSpec } from "./types.js";

const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "to",
  "of",
  "for",
  "in",
  "on",
  "by",
  "and",
  "or",
  "with",
  "my",
  "all",
]);

/** A crude English stemmer: plurals and "-ing" go, so "customers" meets "customer", "listing" "list". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  return word;
}

/** Lower-case word stems of a text, stop words left out. */
function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => !STOP_WORDS.has(word)).map(stem);
}

const SYNONYMS: Record<string, string> = {
  person: "customer",
  people: "customer",
  user: "customer",
  contact: "customer",
  mail: "email",
  stat: "metric",
  statistic: "metric",
  analytic: "metric",
  delivery: "message",
};

const canonical = (stem: string): string => SYNONYMS[stem] ?? stem;

function relevance(spec: ActionSpec, intentStems: string[]): number {
  const fields: [string, number][] = [
    [spec.key.replace(/-/g, " "), 3],
    [spec.name, 3],
    [spec.description, 1],
  ];
  let score = 0;
  for (const wanted of intentStems.map(canonical)) {
    for (const [text, weight] of fields) {
      if (stems(text).map(canonical).includes(wanted)) score += weight;
    }
  }
  return score;
}

export function rankByIntent(specs: ActionSpec[], intent: string): ActionSpec[] {
  const intentStems = stems(intent);
  return specs
    .map((spec, index) => ({ spec, index, score: relevance(spec, intentStems) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.spec);
}
