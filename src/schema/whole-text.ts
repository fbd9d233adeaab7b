/**
 * The last resort of a client profile: when the profiled schema still breaks its client's rules (OpenAI
 * strict mode's 5,000 properties, say), the tool is not dropped and its input is not left unchecked. It
 * takes the whole input as one JSON text, parsed before the faithful check, which judges it as it would
 * any other input; search_actions shows the same schema.
 */
import { DecodeError } from "./decode.js";
import type { ObjectJsonSchema, SchemaProfile } from "./types.js";

/** The one property of such a tool. */
const WHOLE_INPUT = "input_json";

export interface WholeText {
  schema: ObjectJsonSchema;
  toActionInput(args: Record<string, unknown>): Record<string, unknown>;
}

export function wholeInputAsText(
  profile: SchemaProfile,
  problems: readonly string[],
  notes: string[],
): WholeText {
  const client = profile === "gemini" ? "Gemini" : "OpenAI strict mode";
  notes.push(
    `the schema breaks ${client}'s rules (${problems.slice(0, 3).join("; ")}): the input is one JSON text`,
  );
  const schema = {
    type: "object",
    properties: {
      [WHOLE_INPUT]: {
        type: "string",
        description: `The whole input, as JSON text: its schema is too large for ${client} to show. search_actions finds the action's fields; the input is checked against them.`,
      },
    },
    required: [WHOLE_INPUT],
    ...(profile === "openai-strict" && { additionalProperties: false }),
  } as ObjectJsonSchema;
  return {
    schema,
    toActionInput(args) {
      const text = args[WHOLE_INPUT];
      try {
        return JSON.parse(String(text)) as Record<string, unknown>;
      } catch {
        throw new DecodeError(`\`${WHOLE_INPUT}\` must be JSON text, e.g. {"id": "1"}`);
      }
    },
  };
}
