/**
 * Tool names: shape, source (key, name, id), collisions, reserved names, overflow, and independence from
 * the order of the catalog.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { assignToolNames, toolNameBase } from "../../src/schema/tool-name.js";

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
    expect(names.get("q-long")).toMatch(/^list_transactional_message_delive_[0-9a-f]{6}$/);
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
