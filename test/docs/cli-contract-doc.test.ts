/**
 * docs/membrane-cli-contract.md says what the code does: every command line and flag of
 * src/membrane/contract/commands.ts is in it, and every `@membranehq/sdk` field description it quotes
 * is the SDK's current text (an SDK upgrade that changes a field's meaning fails here).
 */
import { readFileSync } from "node:fs";
import { ActionApiResponse, ConnectionApiResponse } from "@membranehq/sdk";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CLI_OPTIONS, COMMANDS } from "../../src/membrane/contract/commands.js";

const DOC = readFileSync(new URL("../../docs/membrane-cli-contract.md", import.meta.url), "utf8");

/** The SDK's `.describe()` text of each top-level field of a record schema. */
function descriptions(schema: z.ZodType): Record<string, string | undefined> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, { description?: string }>;
  };
  return Object.fromEntries(Object.entries(json.properties).map(([key, value]) => [key, value.description]));
}

/** The rows of the "What the fields mean" table: record, field, quoted text. */
function quotedRows(): Array<[string, string, string]> {
  return [...DOC.matchAll(/^\| (Action|Connection)\.`(\w+)` \| "(.*?)" \|/gm)].map((m) => [
    m[1]!,
    m[2]!,
    m[3]!,
  ]);
}

describe("docs/membrane-cli-contract.md", () => {
  it.each(COMMANDS.map((command) => [command.name, command.usage]))(
    "shows `membrane %s` as `%s`",
    (_, usage) => {
      expect(DOC).toContain(`\`membrane ${usage}\``);
    },
  );

  it.each(Object.keys(CLI_OPTIONS))("names the flag --%s", (name) => {
    expect(DOC).toContain(`\`--${name}\``);
  });

  it("quotes the SDK's own description of every field the server reads, word for word", () => {
    const sdk = { Action: descriptions(ActionApiResponse), Connection: descriptions(ConnectionApiResponse) };
    const rows = quotedRows();
    expect(rows.map(([record, field]) => `${record}.${field}`)).toEqual(
      expect.arrayContaining([
        "Action.isReadOnly",
        "Action.state",
        "Action.isDeactivated",
        "Action.archivedAt",
      ]),
    );
    for (const [record, field, text] of rows) {
      expect(sdk[record as keyof typeof sdk][field], `${record}.${field}`).toBe(text);
    }
  });

  it("says isReadOnly is not about data", () => {
    expect(DOC).toMatch(/\*\*`isReadOnly` is NOT about data\.\*\*/);
  });
});
