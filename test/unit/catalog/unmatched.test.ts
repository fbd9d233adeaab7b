/**
 * Settings that do nothing are named: a --tools, --exclude-tools or --read-only-allow name or glob that
 * matches no action, with the nearest real names; and the edit distance those suggestions rest on.
 */
import { describe, expect, it } from "vitest";
import type { CatalogEntry } from "../../../src/catalog/entries.js";
import { describeUnmatched, unmatchedNames } from "../../../src/catalog/unmatched.js";
import { editDistance, nearestNames } from "../../../src/nearest-names.js";

const entry = (toolName: string, key: string) =>
  ({ toolName, action: { id: toolName, key } }) as CatalogEntry;
const ENTRIES = [
  entry("get_customer", "get-customer"),
  entry("list_segments", "list-segments"),
  entry("send_transactional_email", "send-transactional-email"),
];

describe("unmatchedNames", () => {
  it("names each pattern that matches no tool name or key, with the nearest names", () => {
    const found = unmatchedNames(
      {
        tools: ["get_custmer", "list_segmnts", "list_*", "send-transactional-email"],
        excludeTools: [],
        readOnlyAllow: [],
      },
      ENTRIES,
    );
    expect(found).toEqual([
      { flag: "--tools", pattern: "get_custmer", nearest: ["get_customer", "get-customer"] },
      { flag: "--tools", pattern: "list_segmnts", nearest: ["list_segments", "list-segments"] },
    ]);
    expect(describeUnmatched(found[0]!)).toBe(
      '--tools "get_custmer" matches no action, so it does nothing; did you mean get_customer, get-customer?',
    );
  });

  it("checks --exclude-tools (generic tool names count) and --read-only-allow, globs included", () => {
    const found = unmatchedNames(
      {
        tools: undefined,
        excludeTools: ["proxy_request", "delete_*"],
        readOnlyAllow: ["get_campaing_metrics", "get_*"],
      },
      ENTRIES,
      ["proxy_request"],
    );
    expect(found.map((item) => [item.flag, item.pattern])).toEqual([
      ["--exclude-tools", "delete_*"],
      ["--read-only-allow", "get_campaing_metrics"],
    ]);
    expect(describeUnmatched(found[0]!)).toMatch(/no name is close$/);
  });

  it("finds nothing to say when every name matches", () => {
    expect(
      unmatchedNames({ tools: ["*"], excludeTools: ["get_customer"], readOnlyAllow: [] }, ENTRIES),
    ).toEqual([]);
  });
});

describe("nearestNames", () => {
  it("measures edits and keeps only close names, nearest first", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(nearestNames("timeuot", ["timeout", "transport", "tools"])).toEqual(["timeout"]);
    expect(nearestNames("zzzz", ["timeout", "tools"])).toEqual([]);
  });
});
