/**
 * Turning validated tool arguments back into an action's input. Profiles change how some values are sent
 * (Gemini and OpenAI strict get free-form values as JSON text and non-string enum values as strings;
 * OpenAI strict sends `null` for every optional property it leaves out), so each profile leaves a small
 * decoder tree beside the schema that undoes exactly that. `null` means "unchanged".
 */
import { isPlainObject, setOwn } from "./keywords.js";

export type Decoder =
  | null
  | { kind: "json" }
  | { kind: "enum"; values: ReadonlyMap<string, unknown> }
  | { kind: "object"; properties: ReadonlyMap<string, { decoder: Decoder; optional: boolean }> }
  | { kind: "array"; items: Decoder }
  | { kind: "union"; options: readonly Decoder[] };

/** An object decoder, or `null` when it would change nothing. */
export function objectDecoder(properties: Map<string, { decoder: Decoder; optional: boolean }>): Decoder {
  for (const entry of properties.values()) {
    if (entry.decoder !== null || entry.optional) return { kind: "object", properties };
  }
  return null;
}

export function arrayDecoder(items: Decoder): Decoder {
  return items === null ? null : { kind: "array", items };
}

export function unionDecoder(options: readonly Decoder[]): Decoder {
  return options.every((option) => option === null) ? null : { kind: "union", options };
}

function fits(decoder: Decoder, value: unknown): boolean {
  if (decoder === null) return false;
  switch (decoder.kind) {
    case "object":
      return isPlainObject(value);
    case "array":
      return Array.isArray(value);
    case "union":
      return decoder.options.some((option) => fits(option, value));
    default:
      return typeof value === "string";
  }
}

export function decode(value: unknown, decoder: Decoder): unknown {
  if (decoder === null) return value;
  switch (decoder.kind) {
    case "json":
      if (typeof value !== "string") return value;
      try {
        return JSON.parse(value);
      } catch {
        return value; // not JSON after all: pass the text on and let Membrane judge it
      }
    case "enum":
      return typeof value === "string" && decoder.values.has(value) ? decoder.values.get(value) : value;
    case "array":
      return Array.isArray(value) ? value.map((item) => decode(item, decoder.items)) : value;
    case "union": {
      const option = decoder.options.find((candidate) => fits(candidate, value));
      return option === undefined ? value : decode(value, option);
    }
    case "object": {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) {
        const entry = decoder.properties.get(name);
        if (entry?.optional && item === null) continue;
        setOwn(out, name, entry ? decode(item, entry.decoder) : item);
      }
      return out;
    }
  }
}
