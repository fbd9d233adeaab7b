/**
 * Tool names: shape, source (key, name, id), collisions, reserved names, overflow, and independence from
 * the order of the catalog.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { assignToolNames, toolNameBase } from "../../../src/catalog/tool-names.js";

const NAME = /^[a-z0-9_]{1,40}$/;

describe("toolNameBase", () => {
  test.each([
    ["create-customer", "create_customer"],
    ["getCustomerByID", "get_customer_by_id"],
    ["List  Workspaces!", "list_workspaces"],
    ["Café Überblick", "cafe_uberblick"],
    ["---", "action"],
    ["", "action"],
    ["a".repeat(60), "a".repeat(40)],
    ["list-segment-members-with-customer-attributes-and-devices", "list_segment_members_with_customer"],
    ["update-customer-attributes-and-some-with-workspace", "update_customer_attributes_and_some"],
    [`abc_${"d".repeat(50)}`, "abc"],
  ])("%j -> %j", (text, expected) => {
    expect(toolNameBase(text)).toBe(expected);
  });
});

describe("assignToolNames", () => {
  const quirky = [
    { id: "q-empty-key", key: "", name: "List Snippets" },
    { id: "q-long", key: "list-transactional-message-deliveries-with-metrics-and-links", name: "x" },
    { id: "q-collide-a", key: "Get-Person", name: "Get Person" },
    { id: "q-collide-b", key: "get-person", name: "GET PERSON" },
    { id: "q-reserved", key: "search-actions", name: "Search" },
    { id: "q-nothing", key: null, name: null },
  ];
  const reserved = new Set(["search_actions", "run_action"]);

  test("key, else name, else id; suffixes on collision, overflow and reserved names", () => {
    const names = assignToolNames(quirky, reserved);
    expect(names.get("q-empty-key")).toBe("list_snippets");
    expect(names.get("q-nothing")).toBe("q_nothing");
    expect(names.get("q-long")).toMatch(/^list_transactional_message_[0-9a-f]{6}$/);
    expect(names.get("q-collide-a")).toMatch(/^get_person_[0-9a-f]{6}$/);
    expect(names.get("q-collide-b")).toMatch(/^get_person_[0-9a-f]{6}$/);
    expect(names.get("q-collide-a")).not.toBe(names.get("q-collide-b"));
    expect(names.get("q-reserved")).toMatch(/^search_actions_[0-9a-f]{6}$/);
    for (const name of names.values()) expect(name).toMatch(NAME);
  });

  test("any catalog, in any order: valid, unique, never reserved, the same names", () => {
    const action = fc.record({
      id: fc.string({ minLength: 1, maxLength: 12 }),
      key: fc.option(
        fc.constantFrom("get-person", "Get Person", "", "list", "x".repeat(50), "search_actions"),
        {
          nil: null,
        },
      ),
      name: fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
    });
    const catalog = fc.uniqueArray(action, { selector: (a) => a.id, maxLength: 25 });
    fc.assert(
      fc.property(catalog, fc.infiniteStream(fc.nat()), (actions, randoms) => {
        const names = assignToolNames(actions, reserved);
        const shuffled = [...actions].sort(() => (randoms.next().value % 3) - 1);
        expect(assignToolNames(shuffled, reserved)).toEqual(names);
        const values = [...names.values()];
        expect(new Set(values).size).toBe(values.length);
        for (const name of values) {
          expect(name).toMatch(NAME);
          expect(reserved.has(name)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("shortened names", () => {
  test("are cut at word boundaries, never in a word, whatever the words", () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        (parts, id) => {
          const full = parts.join("_");
          const name = assignToolNames([{ id, key: full }], new Set()).get(id) ?? "";
          expect(name).toMatch(NAME);
          const base = full.length <= 40 ? name : name.replace(/_[0-9a-f]{6}$/, "");
          if (full.length <= 40) expect(name).toBe(full);
          else if (parts[0]!.length <= 33) expect(`${full}_`.startsWith(`${base}_`)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a name remembered from before (cut mid-word by an older version) keeps working", () => {
    const action = { id: "act-long", key: "list-segment-members-with-customer-attributes" };
    const old = new Map([["act-long", "list_segment_members_with_custome_f2d127"]]);
    expect(assignToolNames([action], new Set(), old).get("act-long")).toBe(
      "list_segment_members_with_custome_f2d127",
    );
    expect(assignToolNames([action], new Set()).get("act-long")).toMatch(
      /^list_segment_members_[0-9a-f]{6}$/,
    );
  });
});

describe("assignToolNames with remembered names", () => {
  const reserved = new Set(["search_actions", "run_action"]);
  const incumbent = { id: "act-list-customers", key: "list-customers", name: "List Customers" };
  const newcomer = { id: "act-list-customers-2", key: "", name: "List customers" };

  test("the incumbent keeps its name, the colliding newcomer takes the suffix", () => {
    const before = assignToolNames([incumbent], reserved);
    expect(before.get(incumbent.id)).toBe("list_customers");
    const after = assignToolNames([incumbent, newcomer], reserved, before);
    expect(after.get(incumbent.id)).toBe("list_customers");
    expect(after.get(newcomer.id)).toMatch(/^list_customers_[0-9a-f]{6}$/);
    // Order of the listing does not matter either.
    expect(assignToolNames([newcomer, incumbent], reserved, before)).toEqual(after);
  });

  test("without a memory both collide and take a suffix (why the memory is needed)", () => {
    const names = assignToolNames([incumbent, newcomer], reserved);
    expect(names.get(incumbent.id)).toMatch(/^list_customers_[0-9a-f]{6}$/);
    expect(names.get(newcomer.id)).toMatch(/^list_customers_[0-9a-f]{6}$/);
  });

  test("a hashed name sticks after its rival is gone; a newcomer never takes a remembered name", () => {
    const both = assignToolNames([incumbent, newcomer], reserved);
    const alone = assignToolNames([newcomer], reserved, both);
    expect(alone.get(newcomer.id)).toBe(both.get(newcomer.id));
    const third = { id: "act-third", key: both.get(newcomer.id) ?? "", name: "x" };
    const grown = assignToolNames([newcomer, third], reserved, both);
    expect(grown.get(newcomer.id)).toBe(both.get(newcomer.id));
    expect(grown.get(third.id)).not.toBe(both.get(newcomer.id));
  });

  test("forgets names of gone actions, malformed or reserved names, and a name claimed twice", () => {
    const a = { id: "a", key: "alpha" };
    const b = { id: "b", key: "beta" };
    const c = { id: "c", key: "gamma" };
    const remembered = new Map([
      ["gone", "delta"],
      ["a", "Not A Name!"],
      ["b", "run_action"],
      ["c", "shared"],
      ["d", "shared"],
    ]);
    const d = { id: "d", key: "delta" };
    const names = assignToolNames([a, b, c, d], reserved, remembered);
    expect(names.get("a")).toBe("alpha");
    expect(names.get("b")).toBe("beta");
    expect(names.get("c")).toBe("shared"); // the smaller id wins a name claimed twice
    expect(names.get("d")).toBe("delta"); // "delta" was remembered for an action that is gone
  });

  test("any catalog that grows and shrinks: every surviving action keeps its name", () => {
    const action = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      key: fc.option(fc.constantFrom("get-person", "Get Person", "", "list", "x".repeat(50), "run_action"), {
        nil: null,
      }),
      name: fc.option(fc.constantFrom("List customers", "get person", "list"), { nil: undefined }),
    });
    const catalog = fc.uniqueArray(action, { selector: (a) => a.id, maxLength: 15 });
    fc.assert(
      fc.property(catalog, catalog, fc.nat(), (first, extra, dropSeed) => {
        const before = assignToolNames(first, reserved);
        const ids = new Set(first.map((a) => a.id));
        const kept = first.filter((_, i) => (i + dropSeed) % 3 !== 0);
        const next = [...kept, ...extra.filter((a) => !ids.has(a.id))];
        const after = assignToolNames(next, reserved, before);
        for (const a of kept) expect(after.get(a.id)).toBe(before.get(a.id));
        const values = [...after.values()];
        expect(new Set(values).size).toBe(values.length);
        for (const name of values) {
          expect(name).toMatch(NAME);
          expect(reserved.has(name)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
