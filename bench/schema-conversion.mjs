/**
 * Row 4, schema conversion: converting n varied Membrane schemas (normalizeSchema, the server's own code, built
 * on its own by `scripts/build.mjs --equipment`) and compiling each one's validator, in schemas per second.
 * Baseline: Ajv compiling the raw schemas as they come (what a converter that did nothing would pay); raw
 * schemas Ajv rejects are counted.
 * Row 4b, scaling: the time per member of an allOf of 1,600 members against one of 100, and of a union
 * of 1,600 unions against one of 100 (flattened); a linear converter keeps the ratio near 1.
 * Row 4c, hostile patterns: checking a catastrophic-backtracking pattern (`^(\w+\s?)*$`) against 100,000
 * characters that fail at the end, against a plain pattern on the same input; RE2 keeps it linear.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { variedSchemas } from "./lib/schemas.mjs";
import { int, ratio } from "./lib/util.mjs";

export async function measureSchemaConversion({ schemas: n }) {
  const { normalizeSchema } = await import("../test/.build/src/schema/normalize.js");
  const { compileValidator } = await import("../test/.build/src/schema/validate.js");
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
    ...scalingRows(normalizeSchema),
    hostilePatternRow(normalizeSchema),
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

const member = (i) => ({
  type: "object",
  properties: { [`p${i}`]: { type: "string" } },
  required: [`p${i}`],
});
const allOf = (n) => ({ allOf: Array.from({ length: n }, (_, i) => member(i)) });
/** A union of n unions (each of two values), flattened into one list of 2n alternatives. */
function nestedUnion(n) {
  const inner = (i) => ({
    anyOf: [
      { type: "integer", const: i },
      { type: "string", const: `s${i}` },
    ],
  });
  return { type: "object", properties: { v: { anyOf: Array.from({ length: n }, (_, i) => inner(i)) } } };
}

/** Milliseconds per member of the best of a few runs (the first run warms the code). */
function perMember(normalizeSchema, make, n) {
  const schema = make(n);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 8; run++) {
    const started = performance.now();
    normalizeSchema(schema, "default");
    best = Math.min(best, performance.now() - started);
  }
  return best / n;
}

function scalingRows(normalizeSchema) {
  return [
    ["allOf members", allOf],
    ["nested unions", nestedUnion],
  ].map(([what, make]) => {
    const small = perMember(normalizeSchema, make, 100);
    const large = perMember(normalizeSchema, make, 1_600);
    const growth = large / small;
    return {
      row: "4b",
      name: `Schema conversion scaling, ${what}: 1,600 vs 100 (time per member)`,
      result: `${(large * 1000).toFixed(1)} µs/member at 1,600`,
      baseline: `${(small * 1000).toFixed(1)} µs/member at 100`,
      ratio: ratio(growth),
      goal: "<= 4x per member (quadratic would be 16x)",
      met: growth <= 4,
    };
  });
}

/** Best of a few runs of a check of `text` against a string property with `pattern`, in ms. */
function patternCheckMs(normalizeSchema, pattern, text) {
  const normalized = normalizeSchema(
    { type: "object", properties: { v: { type: "string", pattern } } },
    "default",
  );
  normalized.check({ v: "warm" });
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    normalized.check({ v: text });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function hostilePatternRow(normalizeSchema) {
  const text = `${"a ".repeat(50_000)}!`;
  const hostile = patternCheckMs(normalizeSchema, "^(\\w+\\s?)*$", text);
  const plain = patternCheckMs(normalizeSchema, "^[a-z ]*$", text);
  const growth = hostile / plain;
  return {
    row: "4c",
    name: "Hostile pattern ^(\\w+\\s?)*$ vs a plain one, 100,000 characters that fail at the end",
    result: `${hostile.toFixed(1)} ms`,
    baseline: `${plain.toFixed(1)} ms plain pattern`,
    ratio: ratio(growth),
    goal: "<= 20x (backtracking: tens of seconds)",
    met: growth <= 20,
  };
}
