/**
 * Typed results (issue #20): every sandbox action is run through its direct tool, in every schema profile
 * and both protocol eras (a 2025-11-25 SDK v1 client and a 2026-07-28 SDK v2 client), and its
 * structuredContent is checked against the tool's outputSchema with Ajv (and formats), as the SDK clients
 * check it themselves (they throw on a mismatch). The result must carry `output`: a sandbox schema that
 * did not tell the truth about what its action returns would fail here. The same test body runs in memory
 * (the sandbox in this process) for every profile and era, and once per era over stdio (the built server,
 * `--sandbox`, default profile), where the wire could lose or change what the memory path keeps. Also: a
 * result cut to --max-output, and an error, conform too; the default list stays within its budget.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIST_BUDGET_CHARS } from "../../src/catalog/selection.js";
import {
  resultText,
  sandboxRunner,
  startInMemory,
  startModernInMemory,
  startStdio,
} from "../helpers/harness.js";
import { modernStdioClient } from "../helpers/http.js";
import { argsForSchema } from "../helpers/profile-args.js";

/** Every typed sandbox action by title, with a plain input; writes last, in an order that works. */
const CALLS: Array<[title: string, input: Record<string, unknown>]> = [
  ["List Customers", { limit: 5 }],
  ["Get Customer", { email: "ava.thompson@example.com" }],
  ["Search Customers", { query: "pro" }],
  ["Get Customer Attributes", { customerId: "cust_1001" }],
  ["Count Suppressed Customers", {}],
  ["List Segments", {}],
  ["Get Segment", { segmentId: "1" }],
  ["Get Segment Membership", { segmentId: "1", limit: 2 }],
  ["Get Segment Customer Count", { segmentId: "1" }],
  ["List Segment Members with Customer Attributes and Devices", { segmentId: "4" }],
  ["List Campaigns", {}],
  ["Get Campaign", { campaignId: "101" }],
  ["Get Campaign Metrics", { campaignId: "101" }],
  ["Get campaign-metrics", { campaignId: "101", steps: 3 }],
  ["List Newsletters", {}],
  ["Get Newsletter", { newsletterId: 201 }],
  ["Get Newsletter Content", { newsletterId: 201 }],
  ["List Broadcasts", {}],
  ["List Transactional Templates", {}],
  ["List Messages", { limit: 3 }],
  ["List Customer Messages", { customerId: "cust_1001" }],
  ["List Customer Activities", { customerId: "cust_1001", limit: 3 }],
  ["Get Export", { exportId: 1 }],
  ["List Collections", {}],
  ["List Snippets", {}],
  ["Get Workspace Region", {}],
  ["Count People by Plan", {}],
  ["Create Customer", { email: "typed.test@example.com", first_name: "Typed" }],
  ["Update Customer", { id: "typed.test@example.com", fields: { plan: "pro" } }],
  ["Set Customer Attributes", { customerId: "cust_1002", attributes: { city: "Porto", score: 3 } }],
  ["Track Event", { customerId: "cust_1002", name: "typed_test" }],
  ["Create Manual Segment", { name: "Typed test" }],
  ["Add People to Segment", { segmentId: "4", ids: ["cust_1002"] }],
  ["Remove People from Segment", { segmentId: "4", ids: ["cust_1002"] }],
  ["Create Export", { segmentId: "1" }],
  ["Create Collection", { name: "typed", data: [{ code: "A", value: 1 }] }],
  ["Create or Update Snippet", { name: "typed", value: "Hello" }],
  ["Create Reporting Webhook", { name: "typed", endpoint: "https://example.com/hook" }],
  ["Suppress Customer", { customerId: "typed.test@example.com" }],
  ["Unsuppress Customer", { customerId: "typed.test@example.com" }],
  ["Trigger Broadcast", { broadcastId: "301" }],
  [
    "Send Transactional Email",
    { transactional_message_id: "1", to: "ava.thompson@example.com", identifiers: { id: "cust_1001" } },
  ],
  ["Notify Slack Webhook", { text: "typed results" }],
  ["Delete Customer", { id: "typed.test@example.com" }],
];

const PROFILES = ["default", "gemini", "openai-strict"] as const;
/** Every action a direct tool, the two gated kinds (http-request, run-javascript) named in --tools. */
const EVERY_ACTION = ["--max-tools", "100", "--tools", "*,notify_slack_webhook,count_people_by_plan"];

interface Tool {
  name: string;
  title?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
}
interface Result {
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
}
interface AnyClient {
  listTools(): Promise<{ tools: Tool[] }>;
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  close(): Promise<void>;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

function problems(schema: Record<string, unknown>, value: unknown): string {
  const check = ajv.compile(schema);
  return check(value) ? "" : ajv.errorsText(check.errors);
}

type Era = "2025-11-25" | "2026-07-28";
type Wire = "memory" | "stdio";

/** A client of `era` to a server with `flags` and the sandbox: in this process, or the built bin over stdio. */
async function connect(wire: Wire, era: Era, flags: string[]): Promise<AnyClient> {
  if (wire === "stdio") {
    const args = ["--sandbox", ...flags];
    if (era === "2026-07-28") return (await modernStdioClient(args)) as unknown as AnyClient;
    return (await startStdio(args)).client as unknown as AnyClient;
  }
  const harness =
    era === "2026-07-28"
      ? await startModernInMemory(sandboxRunner(), flags)
      : await startInMemory(sandboxRunner(), flags);
  return {
    listTools: () => harness.client.listTools() as Promise<{ tools: Tool[] }>,
    callTool: (params) => harness.client.callTool(params),
    close: () => harness.close(),
  };
}

/** Every profile and era in memory; over stdio, the default profile once per era. */
const RUNS: Array<[Wire, Era, (typeof PROFILES)[number]]> = [
  ...(["2025-11-25", "2026-07-28"] as const).flatMap((era) =>
    PROFILES.map((profile): [Wire, Era, (typeof PROFILES)[number]] => ["memory", era, profile]),
  ),
  ["stdio", "2025-11-25", "default"],
  ["stdio", "2026-07-28", "default"],
];

describe.each(RUNS)("typed results, %s, %s", (wire, era, profile) => {
  describe(`profile ${profile}`, () => {
    let client: AnyClient;
    let tools: Tool[];
    beforeAll(async () => {
      client = await connect(wire, era, ["--no-cache", "--schema-profile", profile, ...EVERY_ACTION]);
      tools = (await client.listTools()).tools;
    });
    afterAll(async () => {
      await client?.close();
    });

    it("declares an object-rooted outputSchema for every sandbox action that has one", () => {
      const typed = tools.filter((tool) => tool.outputSchema).map((tool) => tool.title);
      expect(typed.sort()).toEqual(CALLS.map(([title]) => title).sort());
      for (const tool of tools.filter((t) => t.outputSchema)) {
        expect(tool.outputSchema).toMatchObject({ type: "object", properties: { output: {} } });
        expect(ajv.validateSchema(tool.outputSchema as object)).toBe(true);
      }
    });

    it("returns structuredContent that conforms, with the output, for every action", async () => {
      const byTitle = new Map(tools.map((tool) => [tool.title, tool]));
      for (const [title, input] of CALLS) {
        const tool = byTitle.get(title);
        if (!tool?.outputSchema) throw new Error(`no typed tool for ${title}`);
        const args = argsForSchema(tool.inputSchema, input) as Record<string, unknown>;
        // The SDK client itself throws when structuredContent is missing or does not match.
        const result = (await client.callTool({ name: tool.name, arguments: args })) as Result;
        expect(result.isError, `${title}: ${resultText(result)}`).toBeFalsy();
        expect(problems(tool.outputSchema, result.structuredContent), title).toBe("");
        expect(result.structuredContent, title).toHaveProperty("output");
        expect(result.structuredContent?.["actionRunId"], title).toEqual(expect.any(String));
      }
    });

    it("sends an error whose structuredContent conforms too", async () => {
      const tool = tools.find((t) => t.title === "Get Customer Attributes");
      if (!tool?.outputSchema) throw new Error("no typed Get Customer Attributes");
      const args = argsForSchema(tool.inputSchema, { customerId: "nobody" }) as Record<string, unknown>;
      const result = (await client.callTool({ name: tool.name, arguments: args })) as Result;
      expect(result.isError).toBe(true);
      expect(resultText(result)).toContain("not found");
      expect(problems(tool.outputSchema, result.structuredContent ?? {})).toBe("");
    });
  });
});

describe("a typed result cut to --max-output", () => {
  it.each(["2025-11-25", "2026-07-28"] as const)(
    "conforms, with the whole items that fit (%s)",
    async (era) => {
      const client = await connect("memory", era, ["--no-cache", "--max-output", "1000"]);
      try {
        const { tools } = await client.listTools();
        const tool = tools.find((t) => t.title === "List Customers");
        if (!tool?.outputSchema) throw new Error("List Customers is not typed by default");
        const result = (await client.callTool({ name: tool.name, arguments: { limit: 12 } })) as Result;
        expect(resultText(result)).toContain("Showing");
        expect(problems(tool.outputSchema, result.structuredContent)).toBe("");
        const output = result.structuredContent?.["output"] as { customers: unknown[] };
        expect(output.customers.length).toBeGreaterThan(0);
        expect(output.customers.length).toBeLessThan(12);
      } finally {
        await client.close();
      }
    },
  );
});

describe("the default tool list", () => {
  it("types the tools it can within the budget and never gives up a tool for a type", async () => {
    const typedList = await connect("memory", "2025-11-25", ["--no-cache"]);
    try {
      const { tools } = await typedList.listTools();
      expect(JSON.stringify(tools).length).toBeLessThanOrEqual(DEFAULT_LIST_BUDGET_CHARS);
      expect(tools.filter((tool) => tool.outputSchema).length).toBeGreaterThan(10);
      expect(tools).toHaveLength(40);
    } finally {
      await typedList.close();
    }
  });
});
