/**
 * The schema corpus: real input schemas (Customer.io's Track and App API request bodies, Membrane's unified
 * data models) and one schema per quirk of Membrane's dialect, each with inputs the original accepts and
 * inputs it rejects. Each file records where its schemas come from (`source`, and `operation` per schema).
 */
import { readFileSync } from "node:fs";

export interface CorpusSchema {
  /** Unique; also the action key (and so the tool name, with `-` as `_`) in the corpus catalog. */
  id: string;
  operation?: string;
  note?: string;
  /** The action's inputSchema as Membrane gives it; `null` stands for a missing inputSchema. */
  schema: unknown;
  accept: Record<string, unknown>[];
  reject: Record<string, unknown>[];
}

export interface CorpusFile {
  source: Record<string, string>;
  schemas: CorpusSchema[];
}

export const CORPUS_FILES = [
  "customerio-track.json",
  "customerio-app.json",
  "membrane-udm.json",
  "dialect.json",
  "idioms.json",
] as const;

export function loadCorpus(): CorpusSchema[] {
  return CORPUS_FILES.flatMap((name) => {
    const file = JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), "utf8")) as CorpusFile;
    return file.schemas;
  });
}

/** The tool name the server gives a corpus action (its key has no clash, no case, and fits 40 characters). */
export function corpusToolName(entry: CorpusSchema): string {
  return entry.id.replaceAll("-", "_");
}

/** The corpus as a Membrane action list: one action per schema, id `corpus:<id>`, key `<id>`. */
export function corpusActions(corpus: readonly CorpusSchema[]): Record<string, unknown>[] {
  return corpus.map((entry) => {
    const action: Record<string, unknown> = {
      id: `corpus:${entry.id}`,
      key: entry.id,
      name: entry.id,
      type: "connector-operation",
    };
    if (entry.schema !== null) action.inputSchema = entry.schema;
    return action;
  });
}
