/**
 * The HTTP start-up hint is a command a person pastes into a shell: run as written (with a stand-in `claude`
 * that prints its arguments), it passes the URL and a header carrying the token, and that header opens the
 * server. Also with a token file whose path has a space and a quote in it.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../fixtures/paths.js";
import { tempDir } from "../helpers/harness.js";
import { legacyHttpClient, startHttpServer } from "../helpers/http.js";

/** A `claude` that prints each argument on its own line, first in PATH. */
function fakeClaude(): string {
  const dir = tempDir("cio-fake-claude-");
  const bin = join(dir, "claude");
  writeFileSync(bin, '#!/bin/sh\nfor arg in "$@"; do printf "%s\\n" "$arg"; done\n');
  chmodSync(bin, 0o755);
  return dir;
}

describe("the HTTP start-up hint", () => {
  it.each([["plain"], ["it's spaced"]])("runs as written (config folder %j)", async (folder) => {
    const configHome = join(tempDir("cio-hint-"), folder);
    mkdirSync(configHome, { recursive: true });
    // Not the sandbox (its token goes to a temporary folder): the token is generated into the config folder.
    const server = await startHttpServer(["--membrane-cli", fixturePath("fake-membrane"), "--no-cache"], {
      XDG_CONFIG_HOME: configHome,
      HOME: tempDir(),
    });
    try {
      const line = /Claude Code: (claude mcp add .*)$/m.exec(server.stderr())?.[1] ?? "";
      expect(line).toContain("customerio-mcp/http-token");
      const run = await execa("sh", ["-c", line], {
        env: { PATH: `${fakeClaude()}:${process.env["PATH"] ?? ""}` },
      });
      const args = run.stdout.split("\n");
      expect(args.slice(0, 5)).toEqual(["mcp", "add", "--transport", "http", "customerio"]);
      expect(args[5]).toBe(server.url);
      expect(args[6]).toBe("--header");
      const token = /^Authorization: Bearer (\S{16,})$/.exec(args[7] ?? "")?.[1];
      expect(token).toBeDefined();
      const client = await legacyHttpClient(server.url, token);
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
      await client.close();
    } finally {
      await server.stop();
    }
  });
});
