/**
 * Argument validation by Ajv (JSON Schema 2020-12, which accepts every schema normalize.ts produces), read
 * as Membrane reads a schema: `format` is an annotation (JSON Schema's default, and Membrane's), and
 * patterns run on a linear-time engine (regex.ts) so that no input can stall the server. Each validator
 * is compiled on first use and cached, by schema object and by JSON text, so identical schemas share one
 * compiled function. Failures become one sentence per offending argument.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { re2Engine } from "./regex.js";

export type ValidationResult = { ok: true } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;
let shared: Ajv2020 | undefined;

function ajv(): Ajv2020 {
  if (shared === undefined) {
    shared = new Ajv2020({
      allErrors: true,
      strict: false,
      logger: false,
      ownProperties: true,
      validateFormats: false,
      code: { regExp: re2Engine },
    });
  }
  return shared;
}

/** True when Ajv accepts `schema` as a JSON Schema (used as the last check of a conversion). */
export function isValidJsonSchema(schema: unknown): boolean {
  try {
    return ajv().validateSchema(schema as object) === true;
  } catch {
    return false;
  }
}

const byObject = new WeakMap<object, ValidateFunction>();
const byText = new Map<string, ValidateFunction>();

function compiled(schema: Record<string, unknown>): ValidateFunction {
  const cached = byObject.get(schema);
  if (cached) return cached;
  const text = JSON.stringify(schema);
  let fn = byText.get(text);
  if (fn === undefined) {
    fn = ajv().compile(schema);
    byText.set(text, fn);
  }
  byObject.set(schema, fn);
  return fn;
}

export function compileValidator(schema: Record<string, unknown>): (value: unknown) => ValidationResult {
  return (value) => {
    const fn = compiled(schema);
    if (fn(value)) return { ok: true };
    return { ok: false, problems: describeErrors(fn.errors ?? []) };
  };
}

/** "/customer/email" -> "customer.email"; "/lines/0/sku" -> "lines[0].sku". */
function argumentPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce(
    (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
    "",
  );
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required")
    return `missing required argument \`${argumentPath(error.instancePath, String(params.missingProperty))}\``;
  if (error.keyword === "additionalProperties")
    return `unexpected argument \`${argumentPath(error.instancePath, String(params.additionalProperty))}\``;
  const where = error.instancePath ? `\`${argumentPath(error.instancePath)}\`` : "the arguments";
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    return `${where}: must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (error.keyword === "type" && error.instancePath === "") return "the arguments must be an object";
  return `${where}: ${error.message ?? `fails ${error.keyword}`}`;
}

/**
 * One sentence per problem. The errors of each failed `anyOf` alternative are gathered into that
 * anyOf's sentence ("must match one of: (1) ...; (2) ...") instead of being listed as if all applied.
 */
function describeErrors(errors: readonly ErrorObject[]): string[] {
  const unions = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  const inside = (e: ErrorObject, u: ErrorObject) => e !== u && e.schemaPath.startsWith(`${u.schemaPath}/`);
  const problems: string[] = [];
  for (const error of errors) {
    if (unions.some((u) => inside(error, u))) continue;
    if (!unions.includes(error)) {
      problems.push(describe(error));
      continue;
    }
    const branches = new Map<string, string[]>();
    for (const e of errors.filter((candidate) => inside(candidate, error))) {
      const branch = e.schemaPath.slice(error.schemaPath.length + 1).split("/")[0] ?? "";
      if (unions.some((u) => u !== error && inside(e, u) && inside(u, error))) continue; // deeper union
      branches.set(branch, [...(branches.get(branch) ?? []), describe(e)]);
    }
    const where = error.instancePath ? `\`${argumentPath(error.instancePath)}\`` : "the arguments";
    const options = [...branches.values()].map((list, i) => `(${i + 1}) ${[...new Set(list)].join(", ")}`);
    problems.push(
      options.length > 0
        ? `${where}: must match one of: ${options.join("; ")}`
        : `${where}: ${error.message}`,
    );
  }
  const unique = [...new Set(problems)];
  return unique.length > MAX_PROBLEMS
    ? [...unique.slice(0, MAX_PROBLEMS), `and ${unique.length - MAX_PROBLEMS} more`]
    : unique;
}
