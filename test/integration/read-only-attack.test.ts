/**
 * Read-only mode against the sandbox, which models a published package: every action record carries
 * `isReadOnly: true`. Every listed tool and run_action on every catalog action are tried; the sandbox
 * saves its state file (a new inode) on every run that is not of an import type, so an unchanged inode
 * proves that no action that could change data ran.
 */

import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_REQUEST_TYPES, inputTakesMethod } from "../../src/membrane/contract/action-types.js";
import { actionId } from "../../src/sandbox/catalog/action-record.js";
import { buildCatalog } from "../../src/sandbox/catalog/catalog.js";
import { readsOnly } from "../../src/sandbox/catalog/types.js";
import { GENERIC_TOOL_NAMES } from "../../src/tools/registry.js";
import { BACKENDS, resultText, sandboxRunner, startInMemory, tempDir } from "../helpers/harness.js";

describe.each(BACKENDS)("read-only mode against the sandbox, %s backend", (backend) => {
  it("runs no action that could change data, through any tool", async () => {
    // The sandbox in this process, over a state folder: its file gets a new inode on every write.
    const stateDir = tempDir("cio-test-sandbox-");
    const cli = sandboxRunner({ stateDir });
    const stateFile = join(stateDir, "workspace.json");
    const harness = await startInMemory(cli, ["--no-cache", "--read-only", "--max-tools", "1000"], {
      backend,
    });
    try {
      const catalog = buildCatalog();
      const seeded = await harness.client.callTool({ name: "list_customers", arguments: {} });
      expect(seeded.isError, resultText(seeded)).toBeFalsy();
      const inode = statSync(stateFile).ino;

      const { tools } = await harness.client.listTools();
      const actionTools = tools.filter((tool) => !GENERIC_TOOL_NAMES.includes(tool.name));
      const reads = catalog.filter((spec) => readsOnly(spec) && spec.state === undefined);
      // "Make API Request" stays offered: its input carries the method, and the request guard lets only GET out.
      const getOnly = catalog.filter(
        (spec) => API_REQUEST_TYPES.has(spec.type) && inputTakesMethod(spec.inputSchema),
      );
      expect(getOnly.length).toBeGreaterThan(0);
      expect(actionTools).toHaveLength(reads.length + getOnly.length);
      for (const tool of actionTools) {
        await harness.client.callTool({ name: tool.name, arguments: {} });
      }
      // Each is annotated as a read: in read-only mode the guard lets only GET through.
      expect(actionTools.filter((tool) => tool.annotations?.readOnlyHint !== true)).toEqual([]);
      for (const spec of getOnly) {
        for (const method of ["POST", "PUT", "DELETE"]) {
          const write = await harness.client.callTool({
            name: "run_action",
            arguments: { action: spec.key || actionId(spec), input: { method, path: "/v1/customers" } },
          });
          expect(write.isError, `${spec.key} ${method}`).toBe(true);
          expect(resultText(write)).toMatch(/read-only/);
        }
      }
      let refused = 0;
      for (const spec of catalog) {
        const result = await harness.client.callTool({
          name: "run_action",
          arguments: { action: spec.key || actionId(spec), input: {} },
        });
        if (!readsOnly(spec)) {
          expect(result.isError, spec.key).toBe(true);
          if (getOnly.includes(spec)) continue; // Refused for the missing path; its writes are tried above.
          // An operation of unknown effect gets past the read-only check to its own validation (issue #18).
          expect(resultText(result)).toMatch(/read-only|--tools|Invalid arguments/);
          refused++;
        }
      }
      expect(refused).toBeGreaterThan(20);
      expect(statSync(stateFile).ino).toBe(inode);
    } finally {
      await harness.close();
    }
  }, 120_000);
});
