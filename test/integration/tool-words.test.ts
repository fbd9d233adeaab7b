/**
 * The words tools carry: search_actions describes each match as tools/list describes its tool (the same
 * description, caution included, and the same annotations), whichever of the two an agent calls first; and
 * each raw request tool says what its path is relative to.
 */
import { describe, expect, it } from "vitest";
import { resultJson, sandboxRunner, startInMemory } from "../helpers/harness.js";

interface Match {
  key: string | null;
  description: string;
  annotations: unknown;
  toolName: string | null;
}

async function searchAndList(searchFirst: boolean) {
  // Every action a direct tool, so the high-blast one is in tools/list to compare with.
  const harness = await startInMemory(sandboxRunner(), ["--no-cache", "--max-tools", "200"], {
    start: false,
  });
  try {
    const search = async () => {
      const result = await harness.client.callTool({
        name: "search_actions",
        arguments: { query: "send a transactional email", limit: 5 },
      });
      return resultJson<{ matches: Match[] }>(result).matches;
    };
    const list = async () => (await harness.client.listTools()).tools;
    void harness.built.start();
    const matches = searchFirst ? await search() : undefined;
    const tools = await list();
    return { matches: matches ?? (await search()), tools };
  } finally {
    await harness.close();
  }
}

describe("search_actions and tools/list say the same", () => {
  it.each([true, false])("search first: %s", async (searchFirst) => {
    const { matches, tools } = await searchAndList(searchFirst);
    const match = matches.find((candidate) => candidate.key === "send-transactional-email");
    expect(match).toBeDefined();
    expect(match?.description).toMatch(/^CAUTION: this can send real messages/);
    const tool = tools.find((candidate) => candidate.name === match?.toolName);
    expect(tool).toBeDefined();
    expect(match?.description).toBe(tool?.description);
    expect(match?.annotations).toEqual(tool?.annotations);
  });
});

describe("raw request tools", () => {
  it("each say what their path is relative to", async () => {
    const harness = await startInMemory(sandboxRunner(), [
      "--no-cache",
      "--tools",
      "make_api_request,list_*",
    ]);
    try {
      const { tools } = await harness.client.listTools();
      const describe = (name: string) => tools.find((tool) => tool.name === name)?.description ?? "";
      expect(describe("proxy_request")).toMatch(
        /path is relative to the base URL of Membrane's Customer\.io connector/,
      );
      expect(describe("proxy_request")).toMatch(/may take its path relative to another base/);
      expect(describe("make_api_request")).toMatch(
        /The path is relative to https:\/\/api\.customer\.io\/v1 .*e\.g\. \/segments, not \/v1\/segments\. proxy_request's path is relative to the connector's base URL instead/,
      );
      expect(describe("list_customers")).not.toMatch(/path is relative/);
    } finally {
      await harness.close();
    }
  });
});
