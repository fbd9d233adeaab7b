/**
 * Row 4, schema conversion: converting n varied Membrane schemas (normalizeSchema, the server's own code
 * from dist/) and compiling each one's validator, in schemas per second. Baseline: Ajv compiling the raw
 * schemas as they come (what a converter that did nothing would pay); raw schemas Ajv rejects are counted.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { variedSchemas } from "./lib/schemas.mjs";
import { int, ratio } from "./lib/util.mjs";

export async function measureSchemaConversion({ schemas: n }) {
  const { normalizeSchema } = await import("../dist/schema/normalize.js");
  const { compileValidator } = await import("../dist/schema/validate.js");
  const schemas = variedSchemas(n);

  let failed = 0;
  const started = performance.now();
  for (const schema of schemas) {
    try {
      const normalized = normalizeSchema(schema, "default");
      compileValidator(normalized.validationSchema)({}); // validators compile on first use
    } catch {
      failed++;
    }
  }
  const ours = n / ((performance.now() - started) / 1000);

  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
  let rejected = 0;
  const rawStarted = performance.now();
  for (const schema of schemas) {
    try {
      ajv.compile(structuredClone(schema));
    } catch {
      rejected++;
    }
  }
  const raw = n / ((performance.now() - rawStarted) / 1000);
  return [
    {
      row: "4",
      name: `Schema conversion + validator compile, ${int(n)} varied schemas (${failed} not convertible)`,
      result: `${int(ours)} schemas/s`,
      baseline: `${int(raw)}/s raw Ajv compile (${rejected} rejected)`,
      ratio: ratio(raw / ours),
      goal: "report (none set)",
      met: failed === 0 ? undefined : false,
    },
  ];
}
