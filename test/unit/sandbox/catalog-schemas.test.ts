// The sandbox's validator skips Ajv's meta-schema check at compile time (start-up CPU); this is that check,
// once, for every input schema of the catalog (extras included), as validate.ts adapts it.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../../src/sandbox/catalog/catalog.js";
import { adapt } from "../../../src/sandbox/input/validate.js";

describe("catalog input schemas", () => {
  it("are valid JSON Schema 2020-12 once adapted, so compiling them unchecked changes nothing", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
    (addFormatsModule as unknown as (instance: Ajv2020) => void)(ajv);
    const catalog = buildCatalog(1000);
    const withSchema = catalog.filter((spec) => spec.inputSchema !== undefined);
    expect(withSchema.length).toBeGreaterThan(900);
    const invalid = withSchema.flatMap((spec) =>
      ajv.validateSchema(adapt(spec.inputSchema)) ? [] : [`${spec.key}: ${ajv.errorsText()}`],
    );
    expect(invalid).toEqual([]);
    expect(ajv.validateSchema(adapt({ type: "datetime" }))).toBe(false);
  });
});
