/**
 * The output cap: compact JSON, whole list items or a line boundary, never more than maxChars, a note that
 * says what was left out and how to ask for less, no quadratic cost on a 10 MB result, and capped notes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capJsonOutput, capNote, capText } from "../../../src/output/cap.js";
import { shapeOutput } from "../../../src/output/shape-output.js";

const compact = (v: unknown) => JSON.stringify(v);
const customers = Array.from({ length: 500 }, (_, i) => ({
  id: i,
  email: `person${i}@example.com`,
  plan: "pro",
}));

describe("capJsonOutput", () => {
  it("returns small values whole, as compact JSON", () => {
    expect(capJsonOutput({ a: [1, 2] }, 100)).toEqual({ text: compact({ a: [1, 2] }), truncated: false });
    expect(capJsonOutput(undefined, 100)).toEqual({ text: "null", truncated: false });
  });

  it("keeps whole items of the main list and the other members", () => {
    const value = { customers, next: "cursor-abc" };
    const capped = capJsonOutput(value, 4000);
    expect(capped.truncated).toBe(true);
    expect(capped.text.length).toBeLessThanOrEqual(4000);
    const parsed = JSON.parse(capped.text);
    expect(parsed.next).toBe("cursor-abc");
    const kept = parsed.customers.length;
    expect(kept).toBeGreaterThan(0);
    expect(parsed.customers).toEqual(customers.slice(0, kept));
    expect(capped.text).toBe(compact({ customers: customers.slice(0, kept), next: "cursor-abc" }));
    // One more item would not have fit.
    expect(compact({ customers: customers.slice(0, kept + 1), next: "cursor-abc" }).length).toBeGreaterThan(
      4000,
    );
    const left = compact(value).length - capped.text.length;
    expect(capped.omitted).toEqual({ chars: left, items: 500 - kept, totalItems: 500 });
    expect(capped.note).toBe(
      `Showing ${kept} of 500 items of \`customers\` (the rest, ${left.toLocaleString("en-US")} characters, left out). Narrow the request: ask for fewer (a limit), page with the cursor, or keep only some fields with \`fields\`.`,
    );
  });

  it("cuts a top-level array and a nested list", () => {
    const top = capJsonOutput(customers, 1000);
    expect(top.note).toMatch(/^Showing \d+ of 500 items of the result/);
    expect(JSON.parse(top.text)).toEqual(customers.slice(0, JSON.parse(top.text).length));
    const nested = capJsonOutput({ meta: { total: 500 }, data: { items: customers, page: 1 } }, 2000);
    expect(nested.note).toContain("items of `data.items`");
    expect(JSON.parse(nested.text)).toMatchObject({ meta: { total: 500 }, data: { page: 1 } });
  });

  it("shows zero items when only the rest fits", () => {
    const capped = capJsonOutput({ customers, next: "x" }, 40);
    expect(capped.text).toBe(compact({ customers: [], next: "x" }));
    expect(capped.omitted?.items).toBe(500);
  });

  it("cuts a huge string or object at the limit, and text at a line boundary", () => {
    const big = { html: "<p>".repeat(20_000) };
    const capped = capJsonOutput(big, 1000);
    expect(capped.text.length).toBeLessThanOrEqual(1000);
    expect(capped.omitted?.chars).toBe(compact(big).length - capped.text.length);
    expect(capped.note).toContain("characters left out");
    const wide = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, "v".repeat(30)]));
    const cut = capJsonOutput(wide, 500);
    expect(compact(wide).startsWith(cut.text)).toBe(true);
    expect(cut.text.length).toBe(500);
    const text = capText(`${"line of text\n".repeat(100)}`, 500);
    expect(text.text.endsWith("line of text")).toBe(true);
  });

  it("never splits a surrogate pair and handles tiny limits", () => {
    expect(capText("😀😀😀", 3).text).toBe("😀");
    expect(capJsonOutput({ customers }, 0).text).toBe("");
    expect(capJsonOutput("abc", 2).text.length).toBeLessThanOrEqual(2);
  });

  it("caps 10 MB in well under a few seconds", () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => ({
      id: i,
      email: `p${i}@x.co`,
      body: "x".repeat(120),
    }));
    const start = performance.now();
    const capped = capJsonOutput({ rows, next: null }, 40_000);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(capped.text.length).toBeLessThanOrEqual(40_000);
    expect(capped.omitted?.totalItems).toBe(60_000);
  });
});

/** `cut` equals `original` except that exactly one array in it lost its last `omitted` items. */
function isPrefixCut(cut: unknown, original: unknown, omitted: number): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(cut) && Array.isArray(original) && cut.length + omitted === original.length) {
    if (same(cut, original.slice(0, cut.length))) return true;
  }
  if (typeof cut !== "object" || cut === null || typeof original !== "object" || original === null)
    return false;
  const a = Object.entries(cut);
  const b = Object.entries(original);
  if (a.length !== b.length || Array.isArray(cut) !== Array.isArray(original)) return false;
  const differing = a.filter(([k, v], i) => b[i]?.[0] !== k || !same(v, b[i]?.[1]));
  if (differing.length === 0) return omitted === 0;
  const [key, value] = differing[0] ?? [];
  return (
    differing.length === 1 &&
    isPrefixCut(value, (original as Record<string, unknown>)[key as string], omitted)
  );
}

describe("capJsonOutput (properties)", () => {
  it("never exceeds maxChars; a cut list parses and is a prefix of the original", () => {
    const value = fc.oneof(
      fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 40 }),
      fc.record({ items: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 40 }), cursor: fc.string() }),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 3000 }), (v, max) => {
        const capped = capJsonOutput(v, max);
        expect(capped.text.length).toBeLessThanOrEqual(max);
        if (!capped.truncated) {
          expect(capped.text).toBe(compact(v));
          return;
        }
        expect(capped.note).toContain("Narrow the request");
        expect(capped.omitted?.chars).toBeGreaterThan(0);
        if (capped.omitted?.items !== undefined) {
          const omitted = capped.omitted.items;
          expect(isPrefixCut(JSON.parse(capped.text), JSON.parse(compact(v)), omitted)).toBe(true);
        } else {
          expect(compact(v).startsWith(capped.text)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("shapeOutput", () => {
  it("keeps the fields as they are, names the ones that matched nothing, then caps", () => {
    const value = { customers: customers.map((c) => ({ ...c, api_key: "k" })), next: "c" };
    const shaped = shapeOutput(value, {
      fields: ["customers.*.email", "customers.*.api_key", "nope"],
      maxChars: 500,
    });
    expect(shaped.missing).toEqual(["nope"]);
    const parsed = JSON.parse(shaped.text);
    expect(parsed.customers[0]).toEqual({ email: "person0@example.com", api_key: "k" });
    expect(parsed).not.toHaveProperty("next");
    expect(shaped.note).toMatch(
      /^This field matched nothing: `nope`\. .* Showing \d+ of 500 items of `customers`/,
    );
    expect(shapeOutput({ a: 1 }, { maxChars: 100 })).toMatchObject({
      text: compact({ a: 1 }),
      truncated: false,
      missing: [],
    });
  });
});

describe("capNote", () => {
  it("keeps a short note whole and cuts a 5 MB one to the note limit, saying so", () => {
    expect(capNote("short", 40_000)).toBe("short");
    const huge = `first line\n${"x".repeat(5_000_000)}`;
    const cut = capNote(huge, 40_000);
    expect(cut.length).toBeLessThanOrEqual(4000);
    expect(cut.startsWith("first line")).toBe(true);
    expect(cut).toContain("(cut: 5,000,011 characters in all)");
    expect(capNote(huge, 100).length).toBeLessThanOrEqual(100);
    expect(capNote(huge, 10).length).toBeLessThanOrEqual(10);
  });
});
