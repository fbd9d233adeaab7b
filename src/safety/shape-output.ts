/**
 * The last step of every tool that returns data (`run_action`, `proxy_request`, action tools): scrub secrets,
 * keep the fields the agent asked for, then cap the text at --max-output. The order matters: scrubbing
 * first means the cap measures what is really sent, and picking fields first means a narrow request is not
 * cut for the size of parts it never wanted. The pieces live in scrub.ts, fields.ts and cap.ts; tools can
 * import all of them from here.
 */
import { type CappedText, capJsonOutput } from "./cap.js";
import { missingFields, pickFields } from "./fields.js";
import { scrubValue } from "./scrub.js";

export { type CappedText, capJsonOutput, capText, DEFAULT_MAX_OUTPUT } from "./cap.js";
export { missingFields, parseFieldPath, pickFields } from "./fields.js";

export interface ShapedOutput extends CappedText {
  /** Fields that matched nothing in the result (empty when no fields were given). */
  missing: string[];
  /** The scrubbed value with only the kept fields, before the cut (what `text` shows when not truncated). */
  value: unknown;
}

/**
 * Scrubs `value`, keeps only `fields` (when given) and caps the pretty-printed JSON at `maxChars`. The note
 * says which fields matched nothing and, when the text was cut, what was left out and how to narrow it.
 * Throws UserInputError when a field path is malformed (an empty part).
 */
export function shapeOutput(
  value: unknown,
  options: { fields?: readonly string[] | undefined; maxChars: number },
): ShapedOutput {
  const clean = scrubValue(value);
  const fields = options.fields ?? [];
  const missing = fields.length > 0 ? missingFields(clean, fields) : [];
  const kept = fields.length > 0 ? pickFields(clean, fields) : clean;
  const capped = capJsonOutput(kept, options.maxChars);
  const notes: string[] = [];
  if (missing.length > 0) {
    const names = missing.map((field) => `\`${field}\``).join(", ");
    notes.push(
      `${missing.length === 1 ? "This field" : "These fields"} matched nothing: ${names}. Check the names against a result without \`fields\`.`,
    );
  }
  if (capped.note) notes.push(capped.note);
  const shaped: ShapedOutput = { ...capped, missing, value: kept };
  if (notes.length > 0) shaped.note = notes.join(" ");
  return shaped;
}
