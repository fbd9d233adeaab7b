/**
 * The one place the REST backend reads the answer of `POST /act` (an action run, or a raw request): the
 * contract's RunResultSchema over the answer's JSON text. Kept in one function so that reading numbers
 * byte for byte (consent branch) changes only here.
 */
import { type RunResult, RunResultSchema } from "../contract/records.js";
import { parseAnswer } from "./http.js";

export function parseRunAnswer(text: string, what: string): RunResult {
  return parseAnswer(text, RunResultSchema, what);
}

/**
 * A raw request's answer as the seam gives it (the body as text): `output` as Membrane returned it, a string
 * unchanged, anything else as JSON. Membrane's OpenAPI describes only `{ output }` for `POST /act` with
 * `api`: the external app's status and headers are not part of the documented answer.
 */
export function rawRequestBody(result: RunResult): string {
  const output = result.output;
  if (output === undefined || output === null) return "";
  return typeof output === "string" ? output : JSON.stringify(output);
}
