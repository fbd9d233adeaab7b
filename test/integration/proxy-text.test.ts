/**
 * proxy_request with a response body that is not JSON (an HTML error page, plain text): the agent gets the
 * text as it is, byte for byte below --max-output, not one quoted JSON string full of `\n`; above the cap it
 * is cut at a line break with the usual note. Driven through a real Client against the fake CLI.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { writeScenario } from "../fixtures/scenario.js";
import { fixtureCli, startInMemory } from "../helpers/harness.js";

const HTML = [
  "<!DOCTYPE html>",
  '<html lang="en">',
  "<head><title>Customer.io — maintenance</title></head>",
  '<body class="error">',
  '  <p>We\'ll be back soon: "scheduled" work\\window, 5 < 6 & tabs\there.</p>',
  "  <p>Ünïcödé, emoji 😀, and a line ending in spaces   </p>",
  "</body>",
  "</html>",
].join("\n");

const PLAIN = "status: degraded\nqueue: 42 jobs\n\nsee https://status.customer.io";

async function proxyWith(stdout: string, flags: string[] = ["--no-cache"]) {
  const scenario = writeScenario({ requests: [{ method: "GET", path: "/v1/page", stdout }] });
  const harness = await startInMemory(
    fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario }),
    flags,
  );
  try {
    return (await harness.client.callTool({
      name: "proxy_request",
      arguments: { method: "GET", path: "/v1/page" },
    })) as CallToolResult;
  } finally {
    await harness.close();
  }
}

const blockText = (result: CallToolResult, index: number) => {
  const block = result.content[index];
  return block?.type === "text" ? block.text : undefined;
};

describe("proxy_request with a body that is not JSON", () => {
  it.each([
    ["an HTML page", HTML],
    ["plain text", PLAIN],
  ])("returns %s as readable text, byte for byte", async (_label, body) => {
    const result = await proxyWith(body);
    expect(result.isError, blockText(result, 0)).toBeFalsy();
    expect(blockText(result, 0)).toBe(body);
    expect(result.content).toHaveLength(1);
    expect(result.structuredContent).toBeUndefined();
  });

  it("still returns a JSON body as JSON", async () => {
    const result = await proxyWith('{"segments":[{"id":1,"name":"VIP"}]}');
    expect(blockText(result, 0)).toBe('{"segments":[{"id":1,"name":"VIP"}]}');
    expect(result.structuredContent).toEqual({ segments: [{ id: 1, name: "VIP" }] });
  });

  it("cuts a text body over --max-output at a line break, with a note", async () => {
    const lines = Array.from({ length: 200 }, (_, index) => `<li>line ${index} of the page</li>`);
    const body = lines.join("\n");
    const result = await proxyWith(body, ["--no-cache", "--max-output", "1000"]);
    expect(result.isError).toBeFalsy();
    const text = blockText(result, 0) ?? "";
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text.length).toBeGreaterThan(500);
    expect(body.startsWith(`${text}\n`)).toBe(true);
    expect(blockText(result, 1)).toMatch(/^Showing the first [\d,]+ of [\d,]+ characters/);
  });
});
