/**
 * Turns what a tool returned into an MCP result that fits a context window: secrets scrubbed, the fields
 * the agent asked for kept, the data as JSON text cut to --max-output (whole list items where it can, with a note on how to narrow the request),
 * the call's facts and notes in a second block, and structuredContent when the whole result is an object.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { scrubValue } from "../safety/scrub.js";
import { shapeOutput } from "../safety/shape-output.js";
import type { ToolOutput } from "./tool-definition.js";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function toCallToolResult(output: ToolOutput, maxChars: number): CallToolResult {
  const capped = shapeOutput(output.data, { fields: output.fields, maxChars });
  const meta = output.meta ? scrubValue(output.meta) : undefined;
  const content: CallToolResult["content"] = [{ type: "text", text: capped.text }];
  const notes: string[] = [];
  if (meta)
    for (const [key, value] of Object.entries(meta))
      if (value !== undefined)
        notes.push(`${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  if (capped.note) notes.push(capped.note);
  if (output.note) notes.push(output.note);
  if (notes.length > 0) content.push({ type: "text", text: notes.join("\n") });
  const result: CallToolResult = { content };
  if (!capped.truncated) {
    const data = capped.value;
    if (meta) result.structuredContent = { output: data, ...meta };
    else if (isPlainObject(data)) result.structuredContent = data;
  }
  return result;
}
