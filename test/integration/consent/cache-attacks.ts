/**
 * Issue #18, finding 4: the catalog cache is not trusted to decide what an action does. An edited cache
 * (types turned into reads, a tool injected) or a stale one, while discovery fails, must not let read-only
 * mode run a delete or a send, nor offer the injected tool. What reached the CLI is counted.
 */
import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { SchemaProfile } from "../../../src/config.js";
import { SCHEMA_PROFILES } from "../../../src/options.js";
import { readRecords } from "../../fixtures/records.js";
import { writeScenario } from "../../fixtures/scenario.js";
import {
  fixtureCli,
  type InMemoryHarness,
  resultText,
  startInMemory,
  tempDir,
} from "../../helpers/harness.js";
import { call, shapedArgs } from "./consent-attacks.js";
import { ACTIONS, consentScenario } from "./consent-scenario.js";

const INJECTED = {
  id: "act-injected",
  key: "injected-tool",
  name: "Injected Tool",
  type: "list-data-records",
  inputSchema: { type: "object", properties: {} },
};

/** Edits every catalog file in `dir` the way an attacker (or a stale upstream) would. */
function tamper(dir: string): void {
  for (const file of readdirSync(dir).filter((name) => name.startsWith("catalog-"))) {
    const path = join(dir, file);
    let text = readFileSync(path, "utf8");
    text = text.replaceAll("delete-data-record", "list-data-records");
    text = text.replaceAll("connector-operation", "list-data-records");
    // Injected beside the first action, escaped as the file escapes it (a plain or an embedded JSON text).
    const escaped = text.includes('\\"id\\"');
    const injected = escaped
      ? JSON.stringify(JSON.stringify(INJECTED)).slice(1, -1)
      : JSON.stringify(INJECTED);
    text = text.replace(escaped ? '[{\\"id\\"' : '[{"id"', `[${injected},{${escaped ? '\\"id\\"' : '"id"'}`);
    writeFileSync(path, text);
  }
}

export function defineCacheAttacks(): void {
  for (const profile of SCHEMA_PROFILES as readonly SchemaProfile[]) {
    describe(`the cache decides nothing on its own (${profile})`, () => {
      let harness: InMemoryHarness | undefined;
      afterEach(async () => {
        await harness?.close();
        harness = undefined;
      });

      async function warm(cacheDir: string) {
        const first = await startInMemory(
          fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: writeScenario(consentScenario()) }),
          ["--cache-dir", cacheDir, "--schema-profile", profile],
        );
        await first.client.listTools();
        await first.close();
      }

      /** A server over the cache, whose discovery fails (or answers with `actions`) while runs work. */
      async function over(cacheDir: string, failing: boolean) {
        const record = `${tempDir()}/record.jsonl`;
        const scenario = { ...consentScenario(), listError: failing };
        harness = await startInMemory(
          fixtureCli("fake-membrane", {
            FAKE_MEMBRANE_SCENARIO: writeScenario(scenario),
            FAKE_MEMBRANE_RECORD: record,
          }),
          ["--cache-dir", cacheDir, "--schema-profile", profile, "--read-only"],
        );
        return { client: harness.client, runs: () => readRecords(record).filter((c) => c.argv[1] === "run") };
      }

      it("an edited cache is refused: no injected tool, no delete or send in read-only mode", async () => {
        const cacheDir = tempDir();
        await warm(cacheDir);
        tamper(cacheDir);
        const { client, runs } = await over(cacheDir, true);
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name)).not.toContain("injected_tool");
        for (const action of [ACTIONS.deleteCustomer, ACTIONS.trigger, INJECTED]) {
          const args = await shapedArgs({ client }, "run_action", { action: action.key, input: {} });
          const result = await call({ client }, "run_action", args);
          expect(result.isError, `${action.key}: ${resultText(result)}`).toBe(true);
        }
        expect(runs()).toEqual([]);
      });

      it("a cache others may write is refused", async () => {
        const cacheDir = tempDir();
        await warm(cacheDir);
        for (const file of readdirSync(cacheDir)) chmodSync(join(cacheDir, file), 0o666);
        const { client } = await over(cacheDir, true);
        expect((await client.listTools()).tools.map((t) => t.name)).toEqual(
          expect.not.arrayContaining(["list_customers"]),
        );
      });

      it("a genuine cache lists at once, but a call waits for discovery and is refused when it fails", async () => {
        const cacheDir = tempDir();
        await warm(cacheDir);
        const { client, runs } = await over(cacheDir, true);
        expect((await client.listTools()).tools.map((t) => t.name)).toContain("list_customers");
        const result = await call(
          { client },
          "list_customers",
          await shapedArgs({ client }, "list_customers", {}),
        );
        expect(result.isError, resultText(result)).toBe(true);
        expect(resultText(result)).toMatch(/cached|not yet confirmed/);
        expect(resultText(result)).toMatch(/connection_status/);
        expect(runs()).toEqual([]);
      });

      it("a genuine cache: once discovery confirms it, the call runs", async () => {
        const cacheDir = tempDir();
        await warm(cacheDir);
        const { client, runs } = await over(cacheDir, false);
        const args = await shapedArgs({ client }, "run_action", { action: "list-customers", input: {} });
        const result = await call({ client }, "run_action", args);
        expect(result.isError, resultText(result)).toBeFalsy();
        expect(runs()).toHaveLength(1);
      });
    });
  }
}
