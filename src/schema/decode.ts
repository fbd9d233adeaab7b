/**
 * Turning validated tool arguments back into an action's input. Profiles change how some values are sent
 * (Gemini and OpenAI strict get free-form values as JSON text and non-string enum values as strings;
 * OpenAI strict sends `null` for every optional property it leaves out, and an open object's extra
 * properties as JSON text), and some keys are renamed for clients (advertise.ts), so each leaves a small
 * decoder tree beside the schema that undoes exactly that. `null` means "unchanged".
 */
import { isPlainObject, setOwn } from "./keywords.js";
import { compileValidator } from "./validate.js";

/** Arguments that cannot be turned back into an input (a problem for the agent to fix). */
export class DecodeError extends Error {
  override name = "DecodeError";
}

export interface PropertyDecoder {
  decoder: Decoder;
  /** Sent as `null` when left out (strict mode): a null is dropped. */
  optional: boolean;
  /** The key Membrane knows, when the advertised one differs. */
  original?: string;
}

interface UnionOption {
  decoder: Decoder;
  /** The branch as advertised: the value is decoded by the first branch it matches. */
  schema: Record<string, unknown>;
}

export type Decoder =
  | null
  | { kind: "json"; keepStrings?: boolean }
  | { kind: "enum"; values: ReadonlyMap<string, unknown> }
  | {
      kind: "object";
      properties: ReadonlyMap<string, PropertyDecoder>;
      /** The property carrying other properties as JSON text (strict mode, Gemini). */
      extra?: string;
      /** How the value of a property not listed is decoded (its renamed keys mapped back). */
      others?: Decoder;
    }
  | { kind: "array"; items: Decoder }
  | { kind: "union"; options: readonly UnionOption[] };

/** An object decoder, or `null` when it would change nothing. */
export function objectDecoder(properties: Map<string, PropertyDecoder>, extra?: string): Decoder {
  if (extra !== undefined) return { kind: "object", properties, extra };
  for (const entry of properties.values()) {
    if (entry.decoder !== null || entry.optional || entry.original !== undefined) {
      return { kind: "object", properties };
    }
  }
  return null;
}

export function arrayDecoder(items: Decoder): Decoder {
  return items === null ? null : { kind: "array", items };
}

export function unionDecoder(options: readonly UnionOption[]): Decoder {
  return options.every((option) => option.decoder === null) ? null : { kind: "union", options };
}

function parseJsonText(value: unknown, keepStrings: boolean): unknown {
  if (typeof value !== "string") return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value; // not JSON after all: pass the text on and let validation judge it
  }
  // Where the schema takes a string, "42", "true" or "null" is that string, never another type.
  return keepStrings && typeof parsed !== "string" ? value : parsed;
}

export function decode(value: unknown, decoder: Decoder): unknown {
  if (decoder === null) return value;
  switch (decoder.kind) {
    case "json":
      return parseJsonText(value, decoder.keepStrings === true);
    case "enum":
      return typeof value === "string" && decoder.values.has(value) ? decoder.values.get(value) : value;
    case "array":
      return Array.isArray(value) ? value.map((item) => decode(item, decoder.items)) : value;
    case "union": {
      const option = decoder.options.find((candidate) => compileValidator(candidate.schema)(value).ok);
      return option === undefined ? value : decode(value, option.decoder);
    }
    case "object":
      return isPlainObject(value) ? decodeObject(value, decoder) : value;
  }
}

function decodeObject(
  value: Record<string, unknown>,
  decoder: { properties: ReadonlyMap<string, PropertyDecoder>; extra?: string; others?: Decoder },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let extra: unknown;
  for (const [name, item] of Object.entries(value)) {
    if (name === decoder.extra) {
      extra = parseJsonText(item, false);
      continue;
    }
    const entry = decoder.properties.get(name);
    if (entry?.optional && item === null) continue;
    setOwn(out, entry?.original ?? name, decode(item, entry ? entry.decoder : (decoder.others ?? null)));
  }
  if (isPlainObject(extra)) {
    // An open object's other properties, sent as one JSON text (strict mode); listed ones win.
    for (const [name, item] of Object.entries(extra)) if (!Object.hasOwn(out, name)) setOwn(out, name, item);
  } else if (extra !== undefined && extra !== null) {
    throw new DecodeError(`\`${decoder.extra}\` must be a JSON object in text, e.g. {"plan": "pro"}`);
  }
  return out;
}
