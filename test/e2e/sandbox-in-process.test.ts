/**
 * `--sandbox` runs the sandbox in the server's process: a discovery and 20 tool calls start no process.
 * Every Node process started under the server (the sandbox bin is one) loads a preload script through
 * NODE_OPTIONS that writes its pid down; only the server's own pid may be there. With `--backend api` the
 * same sandbox answers as Membrane's REST API, in memory: no process and no state folder either.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resultText, startStdio, tempDir } from "../helpers/harness.js";

const BACKENDS = [
  { name: "cli", flags: [] },
  { name: "api", flags: ["--backend", "api"] },
];

describe.each(BACKENDS)("--sandbox in process, $name backend", ({ flags }) => {
  it("starts no process for a discovery and 20 tool calls, and writes no state folder", async () => {
    const dir = tempDir();
    const pids = join(dir, "pids");
    const preload = join(dir, "count.cjs");
    writeFileSync(
      preload,
      `require("node:fs").appendFileSync(${JSON.stringify(pids)}, process.pid + "\\n");\n`,
    );
    const tmp = tempDir("cio-tmp-");
    const server = await startStdio(["--sandbox", "--no-cache", ...flags], {
      NODE_OPTIONS: `--require ${preload}`,
      TMPDIR: tmp,
    });
    try {
      const { tools } = await server.client.listTools();
      expect(tools.map((tool) => tool.name)).toContain("list_customers");
      for (let call = 0; call < 20; call++) {
        const result =
          call % 2 === 0
            ? await server.client.callTool({ name: "list_customers", arguments: {} })
            : await server.client.callTool({
                name: "proxy_request",
                arguments: { method: "GET", path: "/v1/segments" },
              });
        expect(result.isError, resultText(result)).toBeFalsy();
      }
      const started = readFileSync(pids, "utf8").trim().split("\n");
      expect(started).toEqual([String(server.transport.pid)]);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
