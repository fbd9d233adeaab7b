/**
 * selectDirectTools, the rule that picks the direct tools: --tools and --exclude-tools globs (by tool name
 * or key), read-only mode, unconvertible schemas, the order (named first, then reads, writes, other
 * operations, destructive ones), and the --max-tools and character budgets after the generic tools' share.
 */
import { describe, expect, it } from "vitest";
import type { CatalogEntry } from "../../../src/catalog/entries.js";
import { buildEntries } from "../../../src/catalog/entries.js";
import { type SelectionOptions, selectDirectTools } from "../../../src/catalog/selection.js";
import { ActionSchema } from "../../../src/membrane/contract/records.js";

const action = (key: string, type: string) =>
  ActionSchema.parse({ id: `id-${key}`, key, name: key, type, inputSchema: { type: "object" } });

const entries = buildEntries(
  [
    action("list-people", "list-data-records"),
    action("find-person", "find-data-record-by-id"),
    action("create-person", "create-data-record"),
    action("update-person", "update-data-record"),
    action("delete-person", "delete-data-record"),
    action("send-email", "connector-operation"),
    action("custom-http", "http-request"),
  ],
  "default",
  new Set(),
);

const options: SelectionOptions = {
  readOnly: false,
  include: undefined,
  exclude: [],
  maxTools: 100,
  maxChars: 1_000_000,
  reservedCount: 0,
  reservedChars: 0,
  sizeOf: () => 100,
};

const select = (overrides: Partial<SelectionOptions>, from: readonly CatalogEntry[] = entries) =>
  selectDirectTools(from, { ...options, ...overrides });
const direct = (overrides: Partial<SelectionOptions>) =>
  select(overrides).direct.map((entry) => entry.toolName);
const omitted = (overrides: Partial<SelectionOptions>) =>
  Object.fromEntries(select(overrides).omitted.map(({ entry, reason }) => [entry.toolName, reason]));

describe("selectDirectTools", () => {
  it("orders reads, then writes, then other operations and destructive ones, ties by name", () => {
    expect(direct({})).toEqual([
      "find_person",
      "list_people",
      "create_person",
      "update_person",
      "delete_person",
      "send_email",
    ]);
    expect(omitted({})).toEqual({ custom_http: "arbitrary" });
  });

  it("drops what --exclude-tools matches, by tool name or key, whatever the case", () => {
    expect(omitted({ exclude: ["*_PERSON"] })).toMatchObject({
      find_person: "excluded",
      create_person: "excluded",
      update_person: "excluded",
      delete_person: "excluded",
    });
    expect(direct({ exclude: ["*-person", "send-email"] })).toEqual(["list_people"]);
  });

  it("keeps only what --tools matches, and puts the tools it names exactly first", () => {
    expect(direct({ include: ["list_*", "find-*"] })).toEqual(["find_person", "list_people"]);
    expect(omitted({ include: ["list_*"] })).toMatchObject({ create_person: "not-included" });
    expect(direct({ include: ["send_email", "*"] })[0]).toBe("send_email");
  });

  it("lets an exclusion win over an inclusion", () => {
    expect(direct({ include: ["*_people"], exclude: ["list-people"] })).toEqual([]);
  });

  it("offers only reads in read-only mode", () => {
    expect(direct({ readOnly: true })).toEqual(["find_person", "list_people"]);
    expect(omitted({ readOnly: true })).toMatchObject({
      create_person: "read-only",
      delete_person: "read-only",
      send_email: "read-only",
    });
  });

  it("leaves out an action whose schema could not be converted", () => {
    const unconverted = entries.map((entry) => {
      if (entry.toolName !== "list_people") return entry;
      const { normalized: _dropped, ...rest } = entry;
      return { ...rest, conversionError: "not convertible" };
    });
    const selection = select({}, unconverted);
    expect(selection.direct.map((entry) => entry.toolName)).not.toContain("list_people");
    expect(selection.omitted).toContainEqual({
      entry: expect.objectContaining({ toolName: "list_people" }),
      reason: "schema",
    });
  });

  it("stops at --max-tools, counting the generic tools already listed", () => {
    const selection = select({ maxTools: 5, reservedCount: 2 });
    expect(selection.direct.map((entry) => entry.toolName)).toEqual([
      "find_person",
      "list_people",
      "create_person",
    ]);
    expect(selection.omitted.filter(({ reason }) => reason === "budget")).toHaveLength(3);
    expect(direct({ maxTools: 2, reservedCount: 2 })).toEqual([]);
  });

  it("stays within the character budget after the generic tools' share, and sums what it took", () => {
    const selection = select({ maxChars: 1000, reservedChars: 750 });
    expect(selection.direct.map((entry) => entry.toolName)).toEqual(["find_person", "list_people"]);
    expect(selection.chars).toBe(200);
    expect(select({ maxChars: 1000, reservedChars: 800 }).chars).toBe(200);
    expect(select({ maxChars: 1000, reservedChars: 801 }).chars).toBe(100);
  });

  it("skips a tool too large for what is left and still takes smaller ones after it", () => {
    const sizes: Record<string, number> = { find_person: 100, list_people: 900, create_person: 100 };
    const selection = select({ maxChars: 450, sizeOf: (entry) => sizes[entry.toolName] ?? 200 });
    expect(selection.direct.map((entry) => entry.toolName)).toEqual([
      "find_person",
      "create_person",
      "update_person",
    ]);
    expect(selection.chars).toBe(400);
    expect(
      Object.fromEntries(selection.omitted.map(({ entry, reason }) => [entry.toolName, reason])),
    ).toMatchObject({ list_people: "budget", delete_person: "budget", send_email: "budget" });
  });
});
