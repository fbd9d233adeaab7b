/**
 * Turns what a tool returned into an MCP result that fits a context window: the data exactly as Membrane
 * gave it (only the fields the agent asked for), as compact JSON cut to --max-output between whole list
 * items, then the call's facts and notes in a second block, and structuredContent when it is whole.
 *
 * The data is never scrubbed: templates, ids, cursors and tokens that are the user's data come back byte
 * for byte. What the server adds itself (notes, the meta facts such as the action run id) goes through
 * scrubSecrets/scrubValue here, and the notes are capped like the data.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { isRecord as isPlainObject } from "../is-record.js";
import { inspectJson, parseExactJson } from "../membrane/contract/exact-json.js";
import { scrubSecrets, scrubValue } from "../redact/scrub.js";
import { capNote, capText, NOTE_SCRUB_CHARS } from "./cap.js";
import { type ShapedOutput, shapeOutput } from "./shape-output.js";
import type { ToolOutput } from "./tool-output.js";

/** The notes block: meta facts, then what the cut left out, then the tool's own note; scrubbed and capped. */
function notesText(meta: Record<string, unknown> | undefined, notes: Array<string | undefined>, max: number) {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(meta ?? {}))
    if (value !== undefined)
      lines.push(`${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  for (const note of notes) if (note) lines.push(note);
  if (lines.length === 0) return undefined;
  const text = lines.join("\n");
  return capNote(scrubSecrets(text.slice(0, NOTE_SCRUB_CHARS)), max, text.length);
}

/** The data as JSON (only the fields asked for), or as the text it is; cut to `maxChars` either way. */
function shape(output: ToolOutput, maxChars: number): ShapedOutput {
  if (output.plainText && typeof output.data === "string")
    return { ...capText(output.data, maxChars), missing: [], value: output.data };
  return shapeOutput(output.data, { fields: output.fields, maxChars });
}

/** Deeper than this, a value goes back as text only (JSON.stringify recurses per level). */
const MAX_STRUCTURED_DEPTH = 200;

/**
 * Whether structuredContent can carry `value` unaltered: it travels as JSON.stringify prints it, which
 * would change a number JavaScript cannot hold exactly (exact-json.ts) and cannot print thousands of
 * levels. When it cannot, the text, which keeps the data as Membrane printed it, is the result.
 */
function travelsIntact(value: unknown): boolean {
  const inspected = inspectJson(value, MAX_STRUCTURED_DEPTH);
  return !inspected.exactNumbers && !inspected.tooDeep;
}

/**
 * The value a typed tool's structuredContent may carry as `output`: the whole value, or what a cut between
 * list items kept (whole items, still JSON); undefined when the text was cut elsewhere.
 */
function shownValue(capped: ShapedOutput): { value: unknown } | undefined {
  if (!capped.truncated) return { value: capped.value };
  if (capped.omitted?.items === undefined) return undefined;
  try {
    return { value: parseExactJson(capped.text) };
  } catch {
    return undefined;
  }
}

/**
 * `acceptsOutput`: the tool declares an outputSchema (an open `{output, actionRunId}` envelope, see
 * catalog/output-contract.ts). Then structuredContent is always sent (clients refuse a typed result
 * without it) and carries `output` only when the value shown conforms: never a value that breaks the
 * schema, whether the cut, `fields` or the action itself made it so.
 */
export function toCallToolResult(
  output: ToolOutput,
  maxChars: number,
  acceptsOutput?: (value: unknown) => boolean,
): CallToolResult {
  const capped = shape(output, maxChars);
  const meta = output.meta ? scrubValue(output.meta) : undefined;
  const content: CallToolResult["content"] = [{ type: "text", text: capped.text }];
  let structured: Record<string, unknown> | undefined;
  let mismatch: string | undefined;
  if (acceptsOutput) {
    const shown = shownValue(capped);
    const intact = shown !== undefined && travelsIntact(shown.value);
    const fits = shown !== undefined && intact && acceptsOutput(shown.value);
    structured = fits ? { output: shown.value, ...meta } : { ...meta };
    if (shown && intact && !fits && !output.fields?.length)
      mismatch =
        "The result does not match the action's declared output schema: structuredContent leaves `output` out; the text above is the result.";
  } else if (!capped.truncated && travelsIntact(capped.value)) {
    const data = capped.value;
    if (meta) structured = { output: data, ...meta };
    else if (isPlainObject(data)) structured = data;
  }
  const notes = notesText(meta, [capped.note, output.note, mismatch], maxChars);
  if (notes !== undefined) content.push({ type: "text", text: notes });
  const result: CallToolResult = { content };
  if (structured) result.structuredContent = structured;
  return result;
}
