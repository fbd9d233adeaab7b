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
import { inspectJson } from "../membrane/contract/exact-json.js";
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

export function toCallToolResult(output: ToolOutput, maxChars: number): CallToolResult {
  const capped = shape(output, maxChars);
  const meta = output.meta ? scrubValue(output.meta) : undefined;
  const content: CallToolResult["content"] = [{ type: "text", text: capped.text }];
  const notes = notesText(meta, [capped.note, output.note], maxChars);
  if (notes !== undefined) content.push({ type: "text", text: notes });
  const result: CallToolResult = { content };
  // structuredContent travels as JSON.stringify prints it, which would alter a number JavaScript cannot
  // hold exactly, and cannot print thousands of levels: then the text, which keeps the data as Membrane
  // printed it, is the whole result.
  const inspected = capped.truncated ? undefined : inspectJson(capped.value, MAX_STRUCTURED_DEPTH);
  if (inspected && !inspected.exactNumbers && !inspected.tooDeep) {
    const data = capped.value;
    if (meta) result.structuredContent = { output: data, ...meta };
    else if (isPlainObject(data)) result.structuredContent = data;
  }
  return result;
}
