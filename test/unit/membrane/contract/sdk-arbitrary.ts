/**
 * fast-check arbitraries of the records @membranehq/sdk's zod schemas accept: the schema is turned into
 * JSON Schema (z.toJSONSchema), json-schema-faker fills it from a seed fast-check draws (so a failure is
 * reproducible), unknown extra fields are added on top, and the SDK schema itself has the last word: only
 * records it accepts are kept. Optional fields come absent or present; nullable ones sometimes null.
 */
import fc from "fast-check";
import { generateSync, type JsonSchema } from "json-schema-faker";
import { z } from "zod";

/** Field names no SDK record uses: the fields a newer Membrane might add. */
const extraKey = fc.string({ minLength: 1, maxLength: 12 }).map((key) => `x_${key}`);

export function sdkRecord<T extends z.ZodObject>(
  schema: T,
  options: { accept?: (record: z.output<T>) => boolean } = {},
): fc.Arbitrary<Record<string, unknown>> {
  const jsonSchema = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      optionals: fc.constantFrom(0, 0.3, 0.7, 1),
      extras: fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    })
    .map(({ seed, optionals, extras }) => {
      const base = generateSync(jsonSchema, {
        seed,
        optionalsProbability: optionals,
        maxDepth: 4,
        refDepthMax: 2,
        maxItems: 3,
      }) as Record<string, unknown>;
      return { ...extras, ...base };
    })
    .filter((record) => {
      const verdict = schema.safeParse(record);
      return verdict.success && (options.accept?.(verdict.data) ?? true);
    });
}
