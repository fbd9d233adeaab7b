/**
 * The differential test (issue #10, part 2): a fake Membrane CLI serves the corpus as its catalog; for every
 * corpus input and some generated ones, in a profile, through the direct tool and through run_action,
 * the server must accept exactly what the reference reading accepts, and what reaches Membrane must be the
 * plain input meant: every accepted call really runs, and the fake CLI records the argv it got (read back
 * with the contract's own parser). The CLI is test/fixtures/quick-runs.ts, in this process: it answers each
 * `action run` (about 1,800 of them), the scripted fake's function the discovery; no process starts.
 * One test per schema and profile, listing every disagreement; none is skipped: a failure here is a
 * converter bug to fix, not a case to hide. Schemas run a few at a time (the calls are independent), and
 * each profile has its own test file (differential-<profile>.test.ts) so vitest runs the profiles in parallel.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseCliArgs } from "../../../src/membrane/contract/parse.js";
import { quickRuns } from "../../fixtures/quick-runs.js";
import { writeScenario } from "../../fixtures/scenario.js";
import { type InMemoryHarness, resultText, startInMemory, tempDir } from "../../helpers/harness.js";
import { type CorpusSchema, corpusActions, corpusToolName, loadCorpus } from "./corpus.js";
import { encodeArguments, Inexpressible, type Profile } from "./encode.js";
import { referenceValidator } from "./reference.js";

const corpus = loadCorpus();
/** Each schema's reference reading, compiled once for the three profiles' files (a worker shares modules). */
const references = new Map<CorpusSchema, (value: unknown) => boolean>();
const referenceOf = (entry: CorpusSchema) => {
  const known = references.get(entry);
  if (known) return known;
  const accepts = referenceValidator(entry.schema);
  references.set(entry, accepts);
  return accepts;
};
const GENERATED_PER_SCHEMA = 2;

/** Values that tend to trip converters: numbers in strings, JSON in strings, nulls, empty things. */
const tricky = fc.oneof(
  fc.constantFrom("123", "", "null", '{"a":1}', "true", null, 0, 1.5, -1, true, [], {}, [null], { a: null }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Inputs made from a listed one by setting one declared property to a tricky value. Deterministic. */
function generatedInputs(entry: CorpusSchema, index: number): Record<string, unknown>[] {
  const schema = entry.schema as { properties?: Record<string, unknown> } | null;
  const names = Object.keys(schema?.properties ?? {});
  if (names.length === 0) return [];
  const bases = entry.accept.length > 0 ? entry.accept : [{}];
  const input = fc
    .tuple(fc.constantFrom(...bases), fc.constantFrom(...names), tricky)
    .map(([base, name, value]) => {
      const out = { ...base };
      Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      return out;
    });
  return fc.sample(input, { numRuns: GENERATED_PER_SCHEMA, seed: 1000 + index });
}

const show = (value: unknown) => JSON.stringify(value);

/**
 * The --input that the last `action run` of `actionId` received, or undefined when none ran since
 * `forget`. The argv must be one the contract accepts (parsed with its own parser) and name the action last.
 * Results are not used for this: they are scrubbed of anything that looks like a secret.
 */
function receivedInput(runsDir: string, actionId: string): unknown {
  const file = `${runsDir}/${actionId}.argv`;
  if (!existsSync(file)) return undefined;
  const argv = readFileSync(file, "utf8").split("\0").slice(0, -1);
  const { positionals, flags } = parseCliArgs(argv);
  if (!isDeepStrictEqual(positionals, ["action", "run", actionId]) || typeof flags.input !== "string") {
    throw new Error(`unexpected action run argv: ${show(argv)}`);
  }
  return JSON.parse(flags.input);
}

/** Clears what an earlier call of `actionId` left, so that a call that does not run reads as undefined. */
const forget = (runsDir: string, actionId: string) => rmSync(`${runsDir}/${actionId}.argv`, { force: true });

/**
 * With DIFFERENTIAL_STATS set to a folder, each profile writes there how many inputs fell in each kind of
 * disagreement (the measure of issue #19): accepted-invalid, refused-valid, altered, unwritable.
 */
const counts = new Map<string, Set<string>>();
function tally(profile: Profile, entry: CorpusSchema, problems: readonly string[]): void {
  const kinds: [string, RegExp][] = [
    ["accepted-invalid", /accepted, Membrane rejected/],
    ["refused-valid", /rejected, Membrane accepted|failed otherwise/],
    ["altered", /Membrane received/],
    ["unwritable", /unwritable/],
  ];
  for (const problem of problems) {
    const input = /^(?:direct|run_action) (.*?): (?:accepted|rejected|Membrane|unwritable|failed)/.exec(
      problem,
    )?.[1];
    for (const [kind, pattern] of kinds) {
      if (!pattern.test(problem)) continue;
      const set = counts.get(kind) ?? new Set();
      set.add(`${entry.id} ${input}`);
      counts.set(kind, set);
    }
  }
  const folder = process.env.DIFFERENTIAL_STATS;
  if (folder) {
    const table = Object.fromEntries([...counts].map(([kind, set]) => [kind, [...set]]));
    writeFileSync(`${folder}/${profile}.json`, JSON.stringify(table, null, 1));
  }
}

/** The differential in one profile: one test per corpus schema. */
export function differential(profile: Profile): void {
  describe(`profile ${profile}: the server accepts what Membrane accepts`, () => {
    let harness: InMemoryHarness;
    const runsDir = tempDir();
    const tools = new Map<string, Tool>();

    beforeAll(async () => {
      const scenario = writeScenario({ actions: corpusActions(corpus), pageSize: 1000 });
      harness = await startInMemory(quickRuns(runsDir, { FAKE_MEMBRANE_SCENARIO: scenario }), [
        "--no-cache",
        "--max-tools",
        "1000",
        "--schema-profile",
        profile,
      ]);
      for (const tool of (await harness.client.listTools()).tools) tools.set(tool.name, tool);
    }, 60_000);

    afterAll(async () => {
      await harness?.close();
    });

    test.concurrent.each(corpus.map((entry, index) => [entry.id, entry, index] as const))(
      "%s",
      async (_id, entry, index) => {
        const accepts = referenceOf(entry);
        const inputs = [...entry.accept, ...entry.reject, ...generatedInputs(entry, index)];
        const problems: string[] = [];
        const actionId = `corpus:${entry.id}`;
        const tool = tools.get(corpusToolName(entry));
        if (!tool) problems.push("no direct tool: the schema was not converted or not listed");

        for (const input of inputs) {
          const expected = accepts(input);
          const verdict = (ok: boolean) => (ok ? "accepted" : "rejected");

          // An input the profile's advertised schema cannot carry (Gemini: no null; strict mode: null means
          // "left out") is not sent through the direct tool: no model could write it. run_action still is.
          let args: Record<string, unknown> | undefined;
          try {
            args = tool && (encodeArguments(input, tool.inputSchema, profile) as Record<string, unknown>);
          } catch (error) {
            if (!(error instanceof Inexpressible)) throw error;
            // An invalid input no model could write is no problem: it could not be accepted either.
            if (profile === "default" || (!error.stated && expected)) {
              problems.push(`direct ${show(input)}: unwritable: ${error.message}`);
            }
          }
          if (tool && args) {
            forget(runsDir, actionId);
            const result = await harness.client.callTool({ name: tool.name, arguments: args });
            const accepted = !result.isError;
            if (accepted !== expected) {
              problems.push(`direct ${show(input)}: ${verdict(accepted)}, Membrane ${verdict(expected)}`);
            } else if (accepted) {
              const received = receivedInput(runsDir, actionId);
              if (!isDeepStrictEqual(received, input)) {
                problems.push(`direct ${show(input)}: Membrane received ${show(received)}`);
              }
            } else if (!/Invalid arguments/.test(resultText(result))) {
              problems.push(`direct ${show(input)}: failed otherwise: ${resultText(result).slice(0, 200)}`);
            }
          }

          // run_action's own arguments follow its advertised schema too (Gemini: `input` as JSON text).
          const runArgs = { action: actionId, input };
          forget(runsDir, actionId);
          const run = await harness.client.callTool({
            name: "run_action",
            arguments: encodeArguments(runArgs, tools.get("run_action")?.inputSchema, profile) as Record<
              string,
              unknown
            >,
          });
          const ran = !run.isError;
          if (ran !== expected) {
            problems.push(`run_action ${show(input)}: ${verdict(ran)}, Membrane ${verdict(expected)}`);
          } else if (ran) {
            const received = receivedInput(runsDir, actionId);
            if (!isDeepStrictEqual(received, input)) {
              problems.push(`run_action ${show(input)}: Membrane received ${show(received)}`);
            }
          }
        }
        tally(profile, entry, problems);
        expect(problems, `${problems.length} disagreement(s):\n${problems.join("\n")}`).toEqual([]);
      },
      60_000,
    );
  });
}
