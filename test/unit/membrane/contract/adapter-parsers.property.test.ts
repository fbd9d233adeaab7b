/**
 * The adapter's parsers (src/membrane/contract/records.ts) accept every record Membrane's own schemas
 * accept, and keep the fields the server reads unchanged. Records are drawn from @membranehq/sdk's zod
 * schemas (see sdk-arbitrary.ts): optional fields absent or present, null where allowed, extra fields.
 */
import { ActionApiResponse, ActionRunResponse, ConnectionApiResponse } from "@membranehq/sdk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ActionSchema,
  ConnectionSchema,
  PageSchema,
  parseItems,
  RunResultSchema,
} from "../../../../src/membrane/contract/records.js";
import { sdkRecord } from "./sdk-arbitrary.js";

const RUNS = { numRuns: 100 };
/** The contract: a record without an id cannot be addressed, so the adapter may skip it. */
const addressable = (record: { id?: unknown }) => typeof record.id === "string" && record.id !== "";

const connections = sdkRecord(ConnectionApiResponse, { accept: addressable });
const actions = sdkRecord(ActionApiResponse, { accept: addressable });
const runs = sdkRecord(ActionRunResponse);

/** A field as the adapter exposes it: null and absent both read as undefined. */
const read = (value: unknown) => (value === null ? undefined : value);

describe("the adapter accepts what @membranehq/sdk accepts", () => {
  it("ConnectionApiResponse -> ConnectionSchema, keeping what connection.ts reads", () => {
    fc.assert(
      fc.property(connections, (record) => {
        const parsed = ConnectionSchema.parse(record);
        const integration = record["integration"] as Record<string, unknown> | undefined;
        const clientAction = record["clientAction"] as Record<string, unknown> | undefined;
        expect(parsed.id).toBe(record["id"]);
        expect(parsed.name).toBe(read(record["name"]));
        expect(parsed.key).toBe(read(record["key"]));
        expect(parsed.state).toBe(read(record["state"]));
        expect(parsed.disconnected ?? undefined).toBe(read(record["disconnected"]));
        expect(parsed.integration?.key).toBe(read(integration?.["key"]));
        expect(parsed.integration?.name).toBe(read(integration?.["name"]));
        expect(parsed.clientAction?.uiUrl).toBe(read(clientAction?.["uiUrl"]));
      }),
      RUNS,
    );
  });

  it("ActionApiResponse -> ActionSchema, keeping what the catalog reads", () => {
    fc.assert(
      fc.property(actions, (record) => {
        const parsed = ActionSchema.parse(record);
        expect(parsed.id).toBe(record["id"]);
        expect(parsed.name).toBe(record["name"]);
        expect(parsed.key).toBe(read(record["key"]));
        expect(parsed.type).toBe(read(record["type"]));
        expect(parsed.description).toBe(read(record["description"]));
        expect(parsed.state).toBe(read(record["state"]));
        expect(parsed.isReadOnly ?? undefined).toBe(read(record["isReadOnly"]));
        expect(parsed.inputSchema).toEqual(record["inputSchema"]);
      }),
      RUNS,
    );
  });

  it("a page of SDK records, as {items, cursor} or a bare array, loses none", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(connections, actions), { maxLength: 4 }),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        fc.boolean(),
        (items, cursor, bare) => {
          const page = PageSchema.parse(bare ? items : cursor ? { items, cursor } : { items });
          expect(page.cursor).toBe(bare ? undefined : cursor);
          expect(parseItems(page.items, ConnectionSchema.or(ActionSchema)).skipped).toBe(0);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("ActionRunResponse -> RunResultSchema, keeping output and actionRunId", () => {
    fc.assert(
      fc.property(runs, (record) => {
        const parsed = RunResultSchema.parse(record);
        expect(parsed.output).toEqual(record["output"]);
        expect(parsed.actionRunId).toBe(read(record["actionRunId"]));
      }),
      RUNS,
    );
  });
});
