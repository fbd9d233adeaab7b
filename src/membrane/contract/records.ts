/**
 * zod schemas for what the Membrane CLI prints: the output half of the contract. They are tolerant on
 * purpose: unknown fields pass through, optional fields may be null, a list may be `{items}` or a bare
 * array. They fail only where nothing usable is there. test/contract proves they accept every record that
 * @membranehq/sdk's own schemas (ConnectionApiResponse, ActionApiResponse, ActionRunResponse) accept.
 */

import { z } from "zod";
import { parseExactJson } from "./exact-json.js";

const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

export const ConnectionSchema = z.looseObject({
  id: z.string().min(1),
  name: optionalString,
  key: optionalString,
  state: optionalString,
  /** `disconnected` is deprecated in the SDK for `connected`; either may come. */
  connected: z.boolean().nullish(),
  disconnected: z.boolean().nullish(),
  integrationId: optionalString,
  connectorId: optionalString,
  integration: z.looseObject({ id: optionalString, key: optionalString, name: optionalString }).nullish(),
  clientAction: z
    .looseObject({
      type: optionalString,
      description: optionalString,
      uiUrl: optionalString,
      agentInstructions: optionalString,
    })
    .nullish(),
  error: z.unknown().optional(),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const ActionSchema = z.looseObject({
  id: z.string().min(1),
  name: z
    .string()
    .nullish()
    .transform((value) => value ?? ""),
  key: optionalString,
  description: optionalString,
  type: optionalString,
  inputSchema: z.unknown().optional(),
  outputSchema: z.unknown().optional(),
  connectionId: optionalString,
  state: optionalString,
  isReadOnly: z.boolean().nullish(),
});
export type Action = z.infer<typeof ActionSchema>;

/** A page of a list: `{items, cursor?}` or a bare array. Items are checked one by one (see parseItems). */
export const PageSchema = z.union([
  z.looseObject({ items: z.array(z.unknown()), cursor: z.string().nullish() }),
  z.array(z.unknown()).transform((items) => ({ items, cursor: undefined })),
]);

/** Keeps the items that fit `schema`; counts the rest, so one odd item never hides the others. */
export function parseItems<T>(items: unknown[], schema: z.ZodType<T>): { valid: T[]; skipped: number } {
  const valid: T[] = [];
  let skipped = 0;
  for (const item of items) {
    const result = schema.safeParse(item);
    if (result.success) valid.push(result.data);
    else skipped++;
  }
  return { valid, skipped };
}

export const ConnectorSchema = z.looseObject({
  elementType: optionalString,
  element: z.looseObject({ id: z.string(), name: optionalString, key: optionalString }),
});

export interface ConnectorMatch {
  id: string;
  name?: string | undefined;
}

/** The connectors of a search page (`membrane search`, `GET /search`), odd items skipped. */
export function connectorsOf(items: unknown[]): ConnectorMatch[] {
  return parseItems(items, ConnectorSchema).valid.map((item) => ({
    id: item.element.id,
    name: item.element.name,
  }));
}

export const RunResultSchema = z
  .looseObject({
    /** Optional in the SDK's ActionRunResponse: a run that returned nothing may print `{}`. */
    output: z.unknown().optional(),
    actionRunId: optionalString,
  })
  // An `error` where the output should be is a failure, even when the CLI exited with 0.
  .refine((run) => run.output !== undefined || run["error"] === undefined, {
    message: "an error instead of an output",
    path: ["error"],
  });
export type RunResult = z.infer<typeof RunResultSchema>;

/**
 * A run answer (`action run --json` stdout, or the REST API's body) parsed without losing a digit
 * (exact-json.ts) and checked against RunResultSchema: the one function both backends read it with.
 */
export function parseRunAnswer(
  text: string,
):
  | { ok: true; run: RunResult }
  | { ok: false; problem: "not-json" }
  | { ok: false; problem: "shape"; where: string } {
  let parsed: unknown;
  try {
    parsed = parseExactJson(text);
  } catch {
    return { ok: false, problem: "not-json" };
  }
  const result = RunResultSchema.safeParse(parsed);
  if (!result.success)
    return { ok: false, problem: "shape", where: result.error.issues[0]?.path.join(".") || "(top level)" };
  return { ok: true, run: result.data };
}
