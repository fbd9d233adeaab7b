/**
 * When the Membrane CLI cannot be found, a tool's error result (what the agent relays to a person) says
 * where the server looked and how to fix it: over stdio, with a PATH and a home that hold no CLI.
 */
import { describe, expect, it } from "vitest";
import { resultText, startStdio, tempDir } from "../helpers/harness.js";

describe.skipIf(process.platform === "win32")("CLI not found, seen from a tool", () => {
  it("names the folders searched and the fix", async () => {
    const emptyPath = tempDir("cio-empty-path-");
    const home = tempDir("cio-empty-home-");
    const harness = await startStdio(["--no-cache"], { PATH: emptyPath, HOME: home });
    try {
      const result = await harness.client.callTool({
        name: "search_actions",
        arguments: { query: "people" },
      });
      expect(result.isError).toBe(true);
      const text = resultText(result);
      expect(text).toContain("Membrane CLI not found");
      expect(text).toContain(`looked in: ${emptyPath}`);
      expect(text).toContain(`${home}/.npm-global/bin`);
      expect(text).toContain("npm i -g @membranehq/cli");
      expect(text).toContain("MEMBRANE_CLI");
    } finally {
      await harness.close();
    }
  });
});
