/**
 * `fields` keeps only the named parts of a result: tables for the path forms (`a.b`, `items.*.email`,
 * `*.email`, indexes), and properties: arrays crossed by `*` keep their length, and a picked value never
 * holds anything the original did not.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserInputError } from "../../../src/errors.js";
import { missingFields, pickFields } from "../../../src/output/fields.js";

const people = {
  customers: [
    { id: 1, email: "a@x.co", name: "A", attributes: { plan: "pro", city: "Oslo" } },
    { id: 2, name: "B", attributes: { plan: "free" } },
  ],
  next: "cursor-2",
};

describe("pickFields", () => {
  it.each([
    [["next"], { next: "cursor-2" }],
    [["customers.*.email"], { customers: [{ email: "a@x.co" }, {}] }],
    [
      ["customers.*.attributes.plan", "next"],
      { customers: [{ attributes: { plan: "pro" } }, { attributes: { plan: "free" } }], next: "cursor-2" },
    ],
    [
      ["customers.*.attributes"],
      { customers: [{ attributes: people.customers[0]?.attributes }, { attributes: { plan: "free" } }] },
    ],
    [["customers.0.name"], { customers: [{ name: "A" }] }],
    [["customers.*.id", "customers.1.name"], { customers: [{ id: 1 }, { id: 2, name: "B" }] }],
    [
      ["customers.*.attributes.*"],
      { customers: [{ attributes: people.customers[0]?.attributes }, { attributes: { plan: "free" } }] },
    ],
    [["customers", "customers.*.id"], { customers: people.customers }],
    [["nothing"], {}],
    [[], people],
  ])("%j", (fields, expected) => {
    expect(pickFields(people, fields)).toEqual(expected);
  });

  it("starts at a top-level array with *", () => {
    const list = [{ email: "a", x: 1 }, { x: 2 }, "text", null];
    expect(pickFields(list, ["*.email"])).toEqual([{ email: "a" }, {}, null, null]);
  });

  it("goes through object keys with *", () => {
    const byId = { a: { email: "a@x", n: 1 }, b: { n: 2 } };
    expect(pickFields(byId, ["*.email"])).toEqual({ a: { email: "a@x" } });
  });

  it("returns primitives as they are and keeps __proto__ as data", () => {
    expect(pickFields("text", ["a"])).toBe("text");
    const picked = pickFields(JSON.parse('{"__proto__": {"a": 1, "b": 2}}'), ["__proto__.a"]);
    expect(Object.getPrototypeOf(picked)).toBe(Object.prototype);
    expect(JSON.stringify(picked)).toBe('{"__proto__":{"a":1}}');
  });

  it("refuses a path with an empty part", () => {
    for (const field of ["", "a..b", ".a", "a."]) {
      expect(() => pickFields(people, [field])).toThrow(UserInputError);
    }
    expect(() => pickFields(people, ["a..b"])).toThrow(/empty part/);
  });
});

describe("missingFields", () => {
  it("names the fields that match nothing", () => {
    expect(
      missingFields(people, [
        "next",
        "customers.*.email",
        "customers.*.phone",
        "nope",
        "customers.5.id",
        "next.x",
      ]),
    ).toEqual(["customers.*.phone", "nope", "customers.5.id", "next.x"]);
  });

  it("counts * over an empty list as a match", () => {
    expect(missingFields({ customers: [] }, ["customers.*.email"])).toEqual([]);
    expect(pickFields({ customers: [] }, ["customers.*.email"])).toEqual({ customers: [] });
  });
});

describe("pickFields (properties)", () => {
  const key = fc.constantFrom("a", "b", "c", "items", "email");
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
      fc.array(tie("node"), { maxLength: 4 }),
      fc.dictionary(key, tie("node"), { maxKeys: 4 }),
    ),
  })).node;
  const field = fc
    .array(fc.oneof(key, fc.constant("*"), fc.constant("0")), { minLength: 1, maxLength: 4 })
    .map((s) => s.join("."));

  /** Every leaf of `picked` exists at the same place in `original`. */
  function isPartOf(picked: unknown, original: unknown): boolean {
    if (picked === original) return true;
    if (Array.isArray(picked)) {
      if (!Array.isArray(original)) return false;
      return picked.every((item) =>
        original.some((o) => isPartOf(item, o) || item === null || (isEmpty(item) && typeof o === "object")),
      );
    }
    if (typeof picked === "object" && picked !== null) {
      if (typeof original !== "object" || original === null || Array.isArray(original)) return false;
      const source = original as Record<string, unknown>;
      return Object.entries(picked).every(([k, v]) => Object.hasOwn(source, k) && isPartOf(v, source[k]));
    }
    return false;
  }
  const isEmpty = (v: unknown) => typeof v === "object" && v !== null && Object.keys(v).length === 0;

  it("keeps array lengths where * goes through, and adds nothing", () => {
    fc.assert(
      fc.property(value, fc.array(field, { minLength: 1, maxLength: 3 }), (original, fields) => {
        const picked = pickFields(original, fields);
        expect(isPartOf(picked, original)).toBe(true);
        if (Array.isArray(original) && fields.some((f) => f.startsWith("*"))) {
          expect((picked as unknown[]).length).toBe(original.length);
        }
        // Every field that matched contributed, and the missing ones are reported, not thrown.
        expect(missingFields(original, fields).every((f) => fields.includes(f))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
