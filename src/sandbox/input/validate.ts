/**
 * Checks an action's input against its DataSchema the way Membrane does before running it, with Ajv.
 * The dialect is not quite JSON Schema, so the schema is first adapted as Membrane reads it: a `$ref`
 * naming an app schema accepts anything, `required` entries that name no property are ignored, unknown
 * properties are ignored, pick-lists with `allowCustom` take any value, and Membrane's own keywords are
 * dropped. This is the sandbox's own reading of the dialect, independent of the server's converter, so the
 * tests can catch the server letting through what Membrane would refuse. Failures become a 422.
 */
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
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
export function adapt(node: unknown): Schema {
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

let ajvInstance: Promise<Ajv2020> | undefined;

/**
 * Ajv (with its formats and meta-schemas) is imported and built on the first validation only: it is most of
 * the sandbox's start-up CPU, and the tests spawn the sandbox hundreds of times, mostly for commands that
 * validate nothing.
 */
function ajv(): Promise<Ajv2020> {
  ajvInstance ??= Promise.all([import("ajv/dist/2020.js"), import("ajv-formats")]).then(
    // `default` of both CommonJS modules is their module.exports, in Node and in the bundle alike; a named
    // export of a CommonJS module imported on demand exists in Node only (the bundle has `default` alone).
    ([{ default: ajvModule }, addFormatsModule]) => {
      // validateSchema off: checking a schema against the 2020-12 meta-schema compiles the meta-schema
      // first, which is most of a run's validation CPU. The schemas are the catalog's own, and
      // test/unit/sandbox/catalog-schemas.test.ts checks each of them (adapted) against the meta-schema.
      const instance = new ajvModule.Ajv2020({
        allErrors: true,
        strict: false,
        validateFormats: true,
        validateSchema: false,
      });
      const addFormats = addFormatsModule.default as unknown as (instance: Ajv2020) => void;
      addFormats(instance);
      return instance;
    },
  );
  return ajvInstance;
}

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
export async function validateInput(schema: unknown, input: unknown): Promise<void> {
  const root = asSchema(schema);
  if (!root) return;
  let validate = compiled.get(root);
  if (!validate) {
    validate = (await ajv()).compile(adapt(root));
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
