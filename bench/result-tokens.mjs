/**
 * Row 8, tokens of a result: a 100-record list (Customer.io people with nested attributes) returned by
 * run_action through the built server, the fake CLI playing Membrane. The result text is compact JSON; the
 * baseline is the same value pretty-printed with 2-space indents, which is what the server sent before.
 * Tokens are counted with gpt-tokenizer (o200k_base, an OpenAI encoding: Claude's tokenizer is not public),
 * with the 4-characters-a-token estimate beside them.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { encode } from "gpt-tokenizer";
import { startServer } from "./lib/mcp.mjs";
import { int, ROOT, ratio, tempDir } from "./lib/util.mjs";

const FAKE_CLI = join(ROOT, "test", "fixtures", "bin", "fake-membrane.mjs");
const PLANS = ["free", "pro", "enterprise"];
const CITIES = ["Berlin", "Lisbon", "Austin", "Osaka", "Lagos"];

/** `count` people as Customer.io's App API lists them. */
export function people(count) {
  return Array.from({ length: count }, (_, i) => ({
    id: `cust_${String(i + 1).padStart(4, "0")}`,
    cio_id: (0xa3000000 + i).toString(16),
    email: `person${i + 1}@example.com`,
    created_at: 1_700_000_000 + i * 3600,
    attributes: {
      first_name: `First${i + 1}`,
      last_name: `Last${i + 1}`,
      plan: PLANS[i % PLANS.length],
      city: CITIES[i % CITIES.length],
      unsubscribed: i % 7 === 0,
      _last_emailed: 1_710_000_000 + i * 60,
    },
    segments: [1, 2 + (i % 3)],
  }));
}

export async function measureResultTokens({ records = 100 } = {}) {
  const output = { customers: people(records), next: "eyJvZmZzZXQiOjEwMH0=" };
  const scenario = join(tempDir("tokens"), "scenario.json");
  writeFileSync(scenario, JSON.stringify({ runs: { "list-customers": { output, actionRunId: "run-1" } } }));
  const server = await startServer({
    args: ["--membrane-cli", FAKE_CLI, "--no-cache", "--connection-id", "conn-1"],
    env: { FAKE_MEMBRANE_SCENARIO: scenario },
  });
  let text;
  try {
    const result = await server.client.callTool({
      name: "run_action",
      arguments: { action: "list-customers", input: {} },
    });
    if (result.isError) throw new Error(`run_action failed: ${result.content?.[0]?.text}`);
    text = result.content[0].text;
  } finally {
    await server.close();
  }
  if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(output)) throw new Error("the result was altered");
  const pretty = JSON.stringify(output, null, 2);
  const [after, before] = [encode(text).length, encode(pretty).length];
  return [
    {
      row: "8",
      name: `Tokens of a ${records}-record list result (run_action; o200k_base tokens, chars/4 in brackets)`,
      result: `${int(after)} tok compact (${int(text.length / 4)})`,
      baseline: `${int(before)} tok pretty-printed (${int(pretty.length / 4)})`,
      ratio: ratio(after / before),
      goal: "fewer than pretty-printed",
      met: after < before,
    },
  ];
}
