/**
 * Checks an action's input against its DataSchema the way Membrane does before running it: types,
 * required properties, enums, formats and bounds. Hand-written rather than Ajv because the dialect is
 * not JSON Schema: `$ref` names an app schema no validator can resolve, `required` may name properties
 * that do not exist (ignored), unknown properties are ignored, and pick-lists with `allowCustom` take
 * any value. Failures become one 422-style SandboxFailure listing every problem.
 */
import { SandboxFailure } from "../cli/failure.js";

type Schema = Record<string, unknown>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const asSchema = (value: unknown): Schema | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Schema) : undefined;

function typeOf(value: unknown): string[] {
  if (value === null) return ["null"];
  if (Array.isArray(value)) return ["array"];
  if (typeof value === "number") return Number.isInteger(value) ? ["integer", "number"] : ["number"];
  return [typeof value];
}

function checkFormat(format: unknown, value: string): boolean {
  if (format === "email") return EMAIL.test(value);
  if (format === "date-time") return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
  if (format === "date") return /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (format === "uri") return URL.canParse(value);
  return true;
}

function check(schema: Schema, value: unknown, path: string, problems: string[]): void {
  if (schema["$ref"] !== undefined) return;
  const anyOf = schema["anyOf"];
  if (Array.isArray(anyOf)) {
    const branches = anyOf.map((branch) => {
      const found: string[] = [];
      check(asSchema(branch) ?? {}, value, path, found);
      return found;
    });
    if (!branches.some((found) => found.length === 0))
      problems.push(...(branches[0] ?? [`${path} matches no variant`]));
    return;
  }
  const wanted = schema["type"] === undefined ? [] : ([] as unknown[]).concat(schema["type"]);
  if (wanted.length > 0 && !typeOf(value).some((t) => wanted.includes(t))) {
    problems.push(`${path || "input"} must be ${wanted.join(" or ")}`);
    return;
  }
  const allowsAnyValue = schema["allowCustom"] === true;
  if (Array.isArray(schema["enum"]) && !allowsAnyValue && !schema["enum"].includes(value)) {
    problems.push(`${path} must be one of: ${schema["enum"].join(", ")}`);
  }
  if (typeof value === "string") checkString(schema, value, path, problems);
  if (typeof value === "number") checkNumber(schema, value, path, problems);
  if (Array.isArray(value)) checkArray(schema, value, path, problems);
  else if (asSchema(value)) checkObject(schema, value as Schema, path, problems);
}

function checkString(schema: Schema, value: string, path: string, problems: string[]): void {
  if (!checkFormat(schema["format"], value))
    problems.push(`${path} must match format "${String(schema["format"])}"`);
  const min = schema["minLength"];
  const max = schema["maxLength"];
  if (typeof min === "number" && value.length < min)
    problems.push(`${path} must have at least ${min} characters`);
  if (typeof max === "number" && value.length > max)
    problems.push(`${path} must have at most ${max} characters`);
}

function checkNumber(schema: Schema, value: number, path: string, problems: string[]): void {
  const min = schema["minimum"];
  const max = schema["maximum"];
  if (typeof min === "number" && value < min) problems.push(`${path} must be >= ${min}`);
  if (typeof max === "number" && value > max) problems.push(`${path} must be <= ${max}`);
}

function checkArray(schema: Schema, value: unknown[], path: string, problems: string[]): void {
  const min = schema["minItems"];
  const max = schema["maxItems"];
  if (typeof min === "number" && value.length < min) problems.push(`${path} must have at least ${min} items`);
  if (typeof max === "number" && value.length > max) problems.push(`${path} must have at most ${max} items`);
  const items = asSchema(schema["items"]);
  if (!items) return;
  for (const [index, item] of value.entries()) check(items, item, `${path}/${index}`, problems);
}

function checkObject(schema: Schema, value: Schema, path: string, problems: string[]): void {
  const properties = asSchema(schema["properties"]) ?? {};
  const required = Array.isArray(schema["required"]) ? schema["required"] : [];
  for (const name of required) {
    if (typeof name === "string" && name in properties && value[name] === undefined) {
      problems.push(`${path}/${name} is required`);
    }
  }
  const extra = asSchema(schema["additionalProperties"]);
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const propertySchema = asSchema(properties[name]) ?? (name in properties ? undefined : extra);
    if (propertySchema) check(propertySchema, item, `${path}/${name}`, problems);
  }
}

/** Throws a 422 SandboxFailure when `input` does not fit `schema`; a missing schema accepts anything. */
export function validateInput(schema: unknown, input: unknown): void {
  const root = asSchema(schema);
  if (!root) return;
  const problems: string[] = [];
  check(root, input, "", problems);
  if (problems.length === 0) return;
  throw new SandboxFailure(`Input validation failed (422): ${problems.join("; ")}`, {
    status: 422,
    data: { errors: problems.map((message) => ({ message })) },
  });
}
