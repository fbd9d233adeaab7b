/**
 * Row 11, an agent's work: nine common Customer.io jobs (bench/lib/jobs.mjs), each run as its shortest
 * tool path on the sandbox, with the direct tools (the default list) against the generic tools only
 * (`--max-tools 4`). Per job: tool calls and result tokens (every content block of every result, o200k_base
 * with gpt-tokenizer); then the tool list's tokens and a session doing all nine jobs (one tool list plus
 * every result). Goals were set from the first measure (2026-12-06): never more calls, and never more than
 * 5% more tokens (each result's action run id, and a sent email's delivery id, are random, and tokenize
 * to a few tokens more or less from run to run).
 */
import { encode } from "gpt-tokenizer";
import { JOBS, jobTools, SETUPS } from "./lib/jobs.mjs";
import { startServer } from "./lib/mcp.mjs";
import { int, ratio } from "./lib/util.mjs";

/** The first measure, per job: [calls, result tokens] with the direct tools. */
const FIRST = {
  "Find a person by email": [1, 164],
  "Segment sizes": [7, 414],
  // Measured again after search_actions gained each match's annotations (#20: effects as tools/list shows
  // them): its search result, one of the job's four calls, grew by about 150 tokens (first measure 1,227).
  "Preview, then send a transactional email": [4, 1384],
  "A campaign's metrics": [2, 382],
  "Add a person to a segment": [3, 491],
  "Recent deliveries for a person": [1, 273],
  "Create and fill a manual segment": [3, 166],
  "Export the people with an attribute (plan: pro)": [2, 403],
  "Change a person's attribute": [2, 339],
};
/** The first measure of the direct tool list and of a whole session, in tokens. */
const FIRST_LIST_TOKENS = 8478;
const FIRST_SESSION_TOKENS = 12337;
const SLACK = 1.05;

const tokensOf = (result) =>
  encode((result.content ?? []).map((block) => (block.type === "text" ? block.text : "")).join("\n")).length;

/** Runs every job in one setup; returns the list's tokens and, per job, calls and result tokens. */
async function runSetup(setup) {
  const server = await startServer({ args: ["--sandbox", "--no-cache", ...setup.args] });
  try {
    const { tools } = await server.client.listTools();
    const jobs = new Map();
    for (const job of JOBS) {
      const tools = jobTools(server.client, setup);
      const answer = await job.run(tools);
      if (!job.check(answer)) throw new Error(`${setup.name}: "${job.name}" gave a wrong answer`);
      const tokens = tools.calls.reduce((sum, call) => sum + tokensOf(call.result), 0);
      jobs.set(job.name, { calls: tools.calls.length, tokens });
    }
    return { listTokens: encode(JSON.stringify(tools)).length, toolCount: tools.length, jobs };
  } finally {
    await server.close();
  }
}

export async function measureTasks() {
  const [direct, generic] = [await runSetup(SETUPS[0]), await runSetup(SETUPS[1])];
  const rows = [];
  for (const job of JOBS) {
    const mine = direct.jobs.get(job.name);
    const theirs = generic.jobs.get(job.name);
    const [calls, tokens] = FIRST[job.name] ?? [0, 0];
    const tokenGoal = Math.floor(tokens * SLACK);
    rows.push({
      row: "11",
      name: `Job: ${job.name} (calls, result tokens)`,
      result: `${mine.calls} calls, ${int(mine.tokens)} tok`,
      baseline: `${theirs.calls} calls, ${int(theirs.tokens)} tok generic only`,
      ratio: ratio(mine.tokens / theirs.tokens),
      goal: `<= ${calls} calls, <= ${int(tokenGoal)} tok, calls <= generic`,
      met: mine.calls <= calls && mine.tokens <= tokenGoal && mine.calls <= theirs.calls,
    });
  }
  const sum = (setup, key) => [...setup.jobs.values()].reduce((total, job) => total + job[key], 0);
  rows.push({
    row: "11",
    name: `Tool list (${direct.toolCount} tools vs ${generic.toolCount}), tokens`,
    result: `${int(direct.listTokens)} tok`,
    baseline: `${int(generic.listTokens)} tok generic only`,
    ratio: ratio(direct.listTokens / generic.listTokens),
    goal: `<= ${int(Math.floor(FIRST_LIST_TOKENS * SLACK))} tok`,
    met: direct.listTokens <= Math.floor(FIRST_LIST_TOKENS * SLACK),
  });
  const session = (setup) => setup.listTokens + sum(setup, "tokens");
  rows.push({
    row: "11",
    name: `Session of all ${JOBS.length} jobs: calls, tool list + results tokens`,
    result: `${sum(direct, "calls")} calls, ${int(session(direct))} tok`,
    baseline: `${sum(generic, "calls")} calls, ${int(session(generic))} tok generic only`,
    ratio: ratio(session(direct) / session(generic)),
    goal: `<= ${int(Math.floor(FIRST_SESSION_TOKENS * SLACK))} tok, fewer than generic`,
    met:
      session(direct) <= Math.floor(FIRST_SESSION_TOKENS * SLACK) &&
      session(direct) < session(generic) &&
      sum(direct, "calls") < sum(generic, "calls"),
  });
  return rows;
}
