/**
 * The differential test (issue #10, part 2): a fake Membrane CLI serves the corpus as its catalog; for every
 * corpus input and some generated ones, in a profile, through the direct tool and through run_action,
 * the server must accept exactly what the reference reading accepts, and what reaches Membrane must be the
 * plain input meant: every accepted call really runs, and the fake CLI records the --input it got.
 * One test per schema and profile, listing every disagreement; none is skipped: a failure here is a
 * converter bug to fix, not a case to hide. Schemas run a few at a time (the calls are independent), and
 * each profile has its own test file (differential-<profile>.test.ts) so vitest runs the profiles in parallel.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Invocation } from "../../fixtures/records.js";
import { writeScenario } from "../../fixtures/scenario.js";
import {
  fixtureCli,
  type InMemoryHarness,
  resultText,
  startInMemory,
  tempDir,
} from "../../helpers/harness.js";
import { type CorpusSchema, corpusActions, corpusToolName, loadCorpus } from "./corpus.js";
import { encodeArguments, Inexpressible, type Profile } from "./encode.js";
import { referenceValidator } from "./reference.js";

const corpus = loadCorpus();
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
 * The record file of one server, parsed as it grows: each read reads and parses only the bytes appended
 * since the last (reading or parsing the whole file twice a call made the test quadratic in its length).
 */
function recordLog(file: string): () => readonly Invocation[] {
  const parsed: Invocation[] = [];
  let offset = 0;
  return () => {
    if (!existsSync(file)) return parsed;
    const fd = openSync(file, "r");
    try {
      const appended = Buffer.alloc(fstatSync(fd).size - offset);
      const read = readSync(fd, appended, 0, appended.length, offset);
      const end = appended.subarray(0, read).lastIndexOf(10) + 1; // whole lines only
      for (const line of appended.subarray(0, end).toString("utf8").split("\n")) {
        if (line.length > 0) parsed.push(JSON.parse(line) as Invocation);
      }
      offset += end;
    } finally {
      closeSync(fd);
    }
    return parsed;
  };
}

/**
 * The --input of the last `action run` of `actionId` the fake CLI recorded (schemas run concurrently, the
 * calls of one schema one after another). Results are not used for this: they are scrubbed of anything
 * that looks like a secret (a `token` property comes back "[redacted]").
 */
function lastInputFor(records: readonly Invocation[], actionId: string, after: number): unknown {
  const run = records
    .slice(after)
    .filter((call) => call.argv[0] === "action" && call.argv[1] === "run" && call.argv.at(-1) === actionId)
    .at(-1);
  const flag = run?.argv.find((arg) => arg.startsWith("--input="));
  return flag === undefined ? undefined : JSON.parse(flag.slice("--input=".length));
}

/** The differential in one profile: one test per corpus schema. */
export function differential(profile: Profile): void {
  describe(`profile ${profile}: the server accepts what Membrane accepts`, () => {
    let harness: InMemoryHarness;
    let record: string;
    let readRecords: () => readonly Invocation[];
    const tools = new Map<string, Tool>();

    beforeAll(async () => {
      record = `${tempDir()}/record.jsonl`;
      readRecords = recordLog(record);
      const scenario = writeScenario({ actions: corpusActions(corpus), pageSize: 1000 });
      harness = await startInMemory(
        fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario, FAKE_MEMBRANE_RECORD: record }),
        ["--no-cache", "--max-tools", "1000", "--schema-profile", profile],
      );
      for (const tool of (await harness.client.listTools()).tools) tools.set(tool.name, tool);
    }, 60_000);

    afterAll(async () => {
      await harness?.close();
    });

    test.concurrent.each(corpus.map((entry, index) => [entry.id, entry, index] as const))(
      "%s",
      async (_id, entry, index) => {
        const accepts = referenceValidator(entry.schema);
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
            if (profile === "default") problems.push(`direct ${show(input)}: ${error.message}`);
          }
          if (tool && args) {
            const before = readRecords().length;
            const result = await harness.client.callTool({ name: tool.name, arguments: args });
            const accepted = !result.isError;
            if (accepted !== expected) {
              problems.push(`direct ${show(input)}: ${verdict(accepted)}, Membrane ${verdict(expected)}`);
            } else if (accepted) {
              const received = lastInputFor(readRecords(), actionId, before);
              if (!isDeepStrictEqual(received, input)) {
                problems.push(`direct ${show(input)}: Membrane received ${show(received)}`);
              }
            } else if (!/Invalid arguments/.test(resultText(result))) {
              problems.push(`direct ${show(input)}: failed otherwise: ${resultText(result).slice(0, 200)}`);
            }
          }

          // run_action's own arguments follow its advertised schema too (Gemini: `input` as JSON text).
          const runArgs = { action: actionId, input };
          const runBefore = readRecords().length;
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
            const received = lastInputFor(readRecords(), actionId, runBefore);
            if (!isDeepStrictEqual(received, input)) {
              problems.push(`run_action ${show(input)}: Membrane received ${show(received)}`);
            }
          }
        }
        expect(problems, `${problems.length} disagreement(s):\n${problems.join("\n")}`).toEqual([]);
      },
      60_000,
    );
  });
}
