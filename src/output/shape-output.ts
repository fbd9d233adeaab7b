/**
 * The last step of every tool that returns data (`run_action`, `proxy_request`, action tools): keep the
 * fields the agent asked for, then cap the compact JSON at --max-output. Picking fields first means a narrow
 * request is not cut for the size of parts it never wanted. The data itself is not scrubbed: it is the
 * user's, and comes back as Membrane returned it (the server's own text is scrubbed in output/result.ts).
 * The pieces live in fields.ts and cap.ts.
 */
import { type CappedText, capJsonOutput } from "./cap.js";
import { missingFields, pickFields } from "./fields.js";

export interface ShapedOutput extends CappedText {
  /** Fields that matched nothing in the result (empty when no fields were given). */
  missing: string[];
  /** The value with only the kept fields, before the cut (what `text` shows when not truncated). */
  value: unknown;
}

/**
 * Keeps only `fields` of `value` (when given) and caps its compact JSON at `maxChars`. The note
 * says which fields matched nothing and, when the text was cut, what was left out and how to narrow it.
 * Throws UserInputError when a field path is malformed (an empty part).
 */
export function shapeOutput(
  value: unknown,
  options: { fields?: readonly string[] | undefined; maxChars: number },
): ShapedOutput {
  const fields = options.fields ?? [];
  const missing = fields.length > 0 ? missingFields(value, fields) : [];
  const kept = fields.length > 0 ? pickFields(value, fields) : value;
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
