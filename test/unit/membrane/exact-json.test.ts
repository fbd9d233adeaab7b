/** exact-json (issue #18): compact JSON text from Membrane comes back byte for byte, cut or not. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseExactJson, stringifyExactJson } from "../../../src/membrane/contract/exact-json.js";
import { parseRunAnswer } from "../../../src/membrane/contract/records.js";
import { capJsonOutput } from "../../../src/output/cap.js";
import { pickFields } from "../../../src/output/fields.js";

/** Number texts JSON allows, many of which a JavaScript number cannot give back. */
const numberText = fc
  .tuple(
    fc.constantFrom("", "-"),
    fc.oneof(fc.constant("0"), fc.stringMatching(/^[1-9][0-9]{0,24}$/)),
    fc.option(fc.stringMatching(/^\.[0-9]{1,20}$/), { nil: "" }),
    fc.option(fc.stringMatching(/^[eE][+-]?[0-9]{1,3}$/), { nil: "" }),
  )
  .map((parts) => parts.join(""));

describe("exact JSON", () => {
  it("prints every number of compact JSON text exactly as it was", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 8 }), numberText), { maxLength: 8 }), (pairs) => {
        const text = `{"items":[${pairs.map(([k, n]) => `{${JSON.stringify(k)}:${n}}`).join(",")}]}`;
        expect(stringifyExactJson(parseExactJson(text))).toBe(text);
      }),
    );
  });

  it("keeps them through a run answer, fields and the cut between items", () => {
    const answer = parseRunAnswer(
      '{"output":{"list":[{"id":12345678901234567890,"p":1.10},{"id":2,"p":3}]}}',
    );
    expect(answer.ok).toBe(true);
    const output = answer.ok ? answer.run.output : undefined;
    expect(stringifyExactJson(pickFields(output, ["list.*.id"]))).toBe(
      '{"list":[{"id":12345678901234567890},{"id":2}]}',
    );
    expect(capJsonOutput(output, 50).text).toBe('{"list":[{"id":12345678901234567890,"p":1.10}]}');
  });

  it("tells text that is not JSON from a wrong shape", () => {
    expect(parseRunAnswer("Output: 1")).toEqual({ ok: false, problem: "not-json" });
    expect(parseRunAnswer('{"error":{"message":"x"}}')).toMatchObject({ ok: false, problem: "shape" });
  });
});
