/**
 * The task benchmark's jobs (bench/lib/jobs.mjs, row 11 of the bench) run here as they run there, so their
 * scripts cannot rot: every job, with the direct tools and with the generic tools only, through a real SDK
 * Client against the sandbox in this process (as --sandbox runs it), must give the right answer; the direct tools never take more calls. No
 * timing and no token counts are asserted (those are the bench's).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the bench, without type declarations.
import { JOBS, jobTools, SETUPS } from "../../bench/lib/jobs.mjs";
import { type InMemoryHarness, sandboxRunner, startInMemory } from "../helpers/harness.js";

interface Job {
  name: string;
  run(tools: unknown): Promise<unknown>;
  check(answer: unknown): boolean;
}
interface Setup {
  name: string;
  args: string[];
  generic: boolean;
}
type Tools = { calls: Array<{ name: string }> };

const jobs = JOBS as Job[];
const setups = SETUPS as Setup[];
const callCounts: Record<string, Record<string, number>> = {};

describe.each(setups)("common jobs, $name tools", (setup) => {
  let harness: InMemoryHarness;
  beforeAll(async () => {
    harness = await startInMemory(sandboxRunner(), ["--no-cache", ...setup.args]);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it.each(jobs.map((job) => [job.name, job] as const))("%s", async (_name, job) => {
    const tools = jobTools(harness.client, { generic: setup.generic }) as Tools;
    const answer = await job.run(tools);
    expect(job.check(answer), JSON.stringify(answer)).toBe(true);
    const used = tools.calls.map((call) => call.name);
    if (setup.generic)
      expect(used.every((name) => name === "search_actions" || name === "run_action")).toBe(true);
    callCounts[job.name] = { ...callCounts[job.name], [setup.name]: used.length };
  });
});

describe("direct against generic", () => {
  it("takes no more calls with the direct tools, for every job", () => {
    for (const job of jobs) {
      const counts = callCounts[job.name] ?? {};
      expect(counts["direct"], job.name).toBeLessThanOrEqual(counts["generic"] ?? 0);
    }
  });
});
