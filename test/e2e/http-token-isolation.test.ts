/**
 * The HTTP token never reaches the Membrane CLI: a fake CLI (fake-membrane behind a probe that writes
 * down whether the token is in its environment) serves an HTTP server started with the token.
 */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../fixtures/paths.js";
import { tempDir } from "../helpers/harness.js";
import { legacyHttpClient, startHttpServer } from "../helpers/http.js";

const TOKEN = "isolation-token-0123456789abcdef";

describe("the HTTP token and the CLI", () => {
  it("is not in the environment of any CLI run", async () => {
    const dir = tempDir();
    const seen = join(dir, "seen.jsonl");
    const probe = join(dir, "membrane-probe.mjs");
    writeFileSync(
      probe,
      [
        "#!/usr/bin/env node",
        'import { appendFileSync } from "node:fs";',
        `appendFileSync(${JSON.stringify(seen)}, JSON.stringify({ token: process.env.CUSTOMERIO_MCP_HTTP_TOKEN ?? null, argv: process.argv.slice(2) }) + "\\n");`,
        `await import(${JSON.stringify(fixturePath("fake-membrane"))});`,
      ].join("\n"),
    );
    chmodSync(probe, 0o755);
    const server = await startHttpServer(["--membrane-cli", probe, "--no-cache"], {
      CUSTOMERIO_MCP_HTTP_TOKEN: TOKEN,
    });
    const client = await legacyHttpClient(server.url, TOKEN);
    try {
      const result = await client.callTool({ name: "connection_status", arguments: {} });
      expect(result.isError).toBeFalsy();
    } finally {
      await client.close();
      await server.stop();
    }
    const runs = readFileSync(seen, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((run) => run.token === null)).toBe(true);
  });
});
