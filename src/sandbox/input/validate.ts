/**
 * Checks an action's input against its DataSchema the way Membrane does before running it, with Ajv.
 * The dialect is not quite JSON Schema, so the schema is first adapted as Membrane reads it: a `$ref`
 * naming an app schema accepts anything, `required` entries that name no property are ignored, unknown
 * properties are ignored, pick-lists with `allowCustom` take any value, and Membrane's own keywords are
 * dropped. This is the sandbox's own reading of the dialect, independent of the server's converter, so the
 * tests can catch the server letting through what Membrane would refuse. Failures become a 422.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { SandboxFailure } from "../failure.js";

type Schema = Record<string, unknown>;

const MEMBRANE_KEYWORDS = new Set([
  "referenceRecords",
  "referenceCollection",
  "referenceCollectionPath",
  "referenceCollectionUri",
  "referenceUdm",
  "allowCustom",
  "isImplied",
  "isSensitive",
  "isRichText",
  "additionalProperties",
  "default",
  "$schema",
  "$id",
  "$comment",
]);

const asSchema = (value: unknown): Schema | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Schema) : undefined;

/** The schema as Membrane applies it (see the header); anything that is not a schema accepts anything. */
function adapt(node: unknown): Schema {
  const schema = asSchema(node);
  if (!schema || typeof schema["$ref"] === "string") return {};
  const adapted: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (MEMBRANE_KEYWORDS.has(keyword)) continue;
    if (keyword === "enum" && schema["allowCustom"] === true) continue;
    if (keyword === "properties" && asSchema(value)) {
      adapted[keyword] = Object.fromEntries(
        Object.entries(value as Schema).map(([name, child]) => [name, adapt(child)]),
      );
    } else if (keyword === "items" || keyword === "not") {
      adapted[keyword] = adapt(value);
    } else if ((keyword === "anyOf" || keyword === "oneOf" || keyword === "allOf") && Array.isArray(value)) {
      adapted[keyword] = value.map(adapt);
    } else if (keyword === "required" && Array.isArray(value)) {
      const properties = asSchema(schema["properties"]) ?? {};
      adapted[keyword] = value.filter((name) => typeof name === "string" && name in properties);
    } else {
      adapted[keyword] = value;
    }
  }
  return adapted;
}

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
const addFormats = addFormatsModule as unknown as (instance: Ajv2020) => void;
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

function describe(error: ErrorObject): string {
  const path = error.instancePath || "input";
  if (error.keyword === "required")
    return `${path === "input" ? "" : path}/${String(error.params["missingProperty"])} is required`;
  if (error.keyword === "enum")
    return `${path} must be one of: ${(error.params["allowedValues"] as unknown[]).join(", ")}`;
  return `${path} ${error.message ?? "is invalid"}`;
}

/** Throws a 422 SandboxFailure when `input` does not fit `schema`; a missing schema accepts anything. */
export function validateInput(schema: unknown, input: unknown): void {
  const root = asSchema(schema);
  if (!root) return;
  let validate = compiled.get(root);
  if (!validate) {
    validate = ajv.compile(adapt(root));
    compiled.set(root, validate);
  }
  if (validate(input)) return;
  const problems = [
    ...new Set((validate.errors ?? []).filter((error) => error.keyword !== "anyOf").map(describe)),
  ];
  throw new SandboxFailure(`Input validation failed (422): ${problems.join("; ")}`, {
    status: 422,
    data: { errors: problems.map((message) => ({ message })) },
  });
}
