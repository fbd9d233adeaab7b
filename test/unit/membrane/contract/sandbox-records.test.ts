/**
 * The sandbox prints what Membrane prints: every record it puts on stdout is accepted by @membranehq/sdk's
 * own zod schemas (the API the CLI speaks), and every action's inputSchema is a valid DataSchema.
 */
import { ActionApiResponse, ActionRunResponse, ConnectionApiResponse, DataSchema } from "@membranehq/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  CONNECTION,
  freshStateDir,
  type Loose,
  listAllActions,
  runAction,
  sandbox,
} from "../../sandbox/helpers.js";

/** The SDK's verdict, with the first issues spelled out so a failure says what is missing. */
function issues(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`);
}

let stateDir: string;
beforeAll(async () => {
  stateDir = await freshStateDir();
});

describe("sandbox records against @membranehq/sdk", () => {
  it("its connection, from `connection list` and `connect`, is a ConnectionApiResponse", async () => {
    const listed = (await sandbox(stateDir, ["connection", "list", "--json"])).json().items;
    const connected = (await sandbox(stateDir, ["connect", `--connectionId=${CONNECTION}`, "--json"])).json();
    expect(listed).toHaveLength(1);
    for (const connection of [...listed, connected])
      expect(issues(ConnectionApiResponse, connection)).toEqual([]);
  });

  it.each(["no-connection", "two-connections", "reconnect-needed"])(
    "its connections under the %s fault are ConnectionApiResponses too",
    async (fault) => {
      const run = await sandbox(stateDir, ["connection", "list", "--json"], {
        CUSTOMERIO_SANDBOX_FAULT: fault,
      });
      const { items } = run.json();
      expect(items.length).toBeGreaterThan(0);
      for (const connection of items) expect(issues(ConnectionApiResponse, connection)).toEqual([]);
    },
  );

  it("every action, the generated extras included, is an ActionApiResponse with a DataSchema input", async () => {
    const { items } = await listAllActions(stateDir, ["--limit=20"], {
      CUSTOMERIO_SANDBOX_EXTRA_ACTIONS: "40",
    });
    expect(items.length).toBeGreaterThan(40);
    const failures = items
      .map((action: Loose) => ({
        key: action.key,
        record: issues(ActionApiResponse, action),
        input: action.inputSchema === undefined ? [] : issues(DataSchema, action.inputSchema),
      }))
      .filter((row: Loose) => row.record.length > 0 || row.input.length > 0);
    expect(failures).toEqual([]);
  });

  it("an action run prints an ActionRunResponse", async () => {
    const run = await runAction(stateDir, "list-segments", {});
    expect(run.exitCode, run.stderr).toBe(0);
    expect(issues(ActionRunResponse, run.json())).toEqual([]);
    expect(run.json()).toHaveProperty("actionRunId", expect.any(String));
  });
});
