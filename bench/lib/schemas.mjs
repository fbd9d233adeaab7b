/**
 * 1,000 (or n) varied input schemas in Membrane's dialect for the conversion benchmark: flat and nested
 * objects, arrays, enums, pick-lists (referenceRecords), nullable type arrays, formats, defaults, bounds,
 * local `$ref`s to definitions, root and nested anyOf, and Membrane `$ref`s. Deterministic per index, and
 * each one distinct (its property names carry the index), so no two share a compiled validator.
 */

/** A small linear congruential generator: the same sequence for the same seed. */
function generator(seed) {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const SCALARS = [
  () => ({ type: "string" }),
  () => ({ type: "string", format: "email" }),
  () => ({ type: "string", format: "date-time" }),
  () => ({ type: "integer", minimum: 0, maximum: 1000, default: 10 }),
  () => ({ type: "number" }),
  () => ({ type: "boolean", default: false }),
  () => ({ type: ["string", "null"], maxLength: 200 }),
  () => ({ type: "string", enum: ["email", "sms", "push", "in_app"] }),
  () => ({
    type: "string",
    referenceRecords: [
      { id: "a", name: "A" },
      { id: "b", name: "B" },
    ],
  }),
  () => ({ $ref: "customer" }),
  () => ({ anyOf: [{ type: "string" }, { type: "integer" }] }),
  () => ({}),
];

function scalar(next) {
  return SCALARS[Math.floor(next() * SCALARS.length)]();
}

function objectOf(next, prefix, depth) {
  const properties = {};
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    const name = `${prefix}_${i}`;
    const roll = next();
    if (depth < 2 && roll < 0.1) properties[name] = objectOf(next, name, depth + 1);
    else if (depth < 2 && roll < 0.18)
      properties[name] = { type: "array", items: objectOf(next, name, depth + 1) };
    else if (roll < 0.4) properties[name] = { type: "array", items: scalar(next), maxItems: 50 };
    else properties[name] = { ...scalar(next), description: `The ${name.replaceAll("_", " ")}.` };
  }
  const names = Object.keys(properties);
  return { type: "object", properties, required: names.slice(0, Math.floor(next() * 3)) };
}

/** The i-th schema. */
export function variedSchema(index) {
  const next = generator(index + 1);
  const schema = objectOf(next, `f${index}`, 0);
  const shape = index % 10;
  if (shape === 7) {
    schema.definitions = { address: objectOf(next, `addr${index}`, 1) };
    schema.properties.address = { $ref: "#/definitions/address" };
  }
  if (shape === 8) {
    const other = objectOf(next, `alt${index}`, 1);
    return { anyOf: [schema, other] };
  }
  if (shape === 9)
    return { type: "object", properties: { [`item${index}`]: schema }, additionalProperties: false };
  return schema;
}

export const variedSchemas = (n) => Array.from({ length: n }, (_, index) => variedSchema(index));
