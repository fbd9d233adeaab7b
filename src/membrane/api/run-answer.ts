/**
 * The one place the REST backend reads the answer of `POST /act` (an action run, or a raw request): the
 * contract's parseRunAnswer (the one function both backends read a run answer with: numbers byte for byte,
 * contract/exact-json.ts, then RunResultSchema), with the REST backend's errors when it does not fit.
 */
import { CliError } from "../../errors.js";
import { stringifyExactJson } from "../contract/exact-json.js";
import { type RunResult, parseRunAnswer as readRunAnswer } from "../contract/records.js";

export function parseRunAnswer(text: string, what: string): RunResult {
  const read = readRunAnswer(text);
  if (read.ok) return read.run;
  if (read.problem === "not-json") {
    throw new CliError("bad-output", `Membrane's API answered ${what} with something that is not JSON.`, {
      hint: "Check --membrane-api-url / MEMBRANE_API_URL: it must be Membrane's REST API (https://api.getmembrane.com).",
    });
  }
  throw new CliError(
    "bad-output",
    `Membrane's API answered ${what} with JSON of an unexpected shape (at ${read.where}).`,
    { hint: "The API may have changed: report it with the server's version." },
  );
}

/**
 * A raw request's answer as the seam gives it (the body as text): `output` as Membrane returned it, a string
 * unchanged, anything else as JSON with every number as written. Membrane's OpenAPI describes only
 * `{ output }` for `POST /act` with `api`: the external app's status and headers are not part of the
 * documented answer.
 */
export function rawRequestBody(result: RunResult): string {
  const output = result.output;
  if (output === undefined || output === null) return "";
  return typeof output === "string" ? output : (stringifyExactJson(output) ?? "");
}
