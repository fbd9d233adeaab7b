/**
 * Invariants over the whole tool array, as getsentry/sentry-mcp checks every tool definition: the generic
 * tool specs and a real listing (the server over the sandbox, every action a direct tool), in every schema
 * profile, with read-only mode off and on. Names unique, snake_case and at most 64 characters; a title and a
 * description of sane length; annotations that agree with each other and with read-only mode; an object
 * input schema; and the whole list passes toolListProblems (the SDK client parses it, the profile's rules).
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommandLine, type SchemaProfile } from "../../../src/config.js";
import { defineGenericTool } from "../../../src/tools/define-tool.js";
import { GENERIC_TOOL_NAMES, GENERIC_TOOLS } from "../../../src/tools/registry.js";
import { type ListedTool, listedTool, type ToolContext } from "../../../src/tools/tool-definition.js";
import { type InMemoryHarness, sandboxRunner, startInMemory } from "../../helpers/harness.js";
import { toolListProblems } from "../../helpers/tool-list-invariants.js";

const PROFILES: SchemaProfile[] = ["default", "gemini", "openai-strict"];
const MODES = [
  { readOnly: false, flags: [] as string[] },
  { readOnly: true, flags: ["--read-only"] },
];

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const MAX_NAME = 64;
const MAX_TITLE = 100;
const MIN_DESCRIPTION = 20;
/** catalog/describe.ts cuts an action's description here; the generic tools' own texts stay below too. */
const MAX_DESCRIPTION = 1024;

/** Every broken invariant of `tools` (as tools/list shows them), as "tool: what"; empty when all is well. */
function toolArrayProblems(
  tools: readonly ListedTool[],
  profile: SchemaProfile,
  readOnly: boolean,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const tool of tools) {
    const { name, title, description, inputSchema } = tool;
    const annotations: ToolAnnotations | undefined = tool.annotations;
    const at = (problem: string) => problems.push(`${name}: ${problem}`);
    if (seen.has(name)) at("name used twice");
    seen.add(name);
    if (!SNAKE_CASE.test(name)) at("name is not snake_case");
    if (name.length > MAX_NAME) at(`name longer than ${MAX_NAME} characters`);
    if (typeof title !== "string" || title.trim() === "") at("no title");
    else if (title.length > MAX_TITLE) at(`title longer than ${MAX_TITLE} characters`);
    if (typeof description !== "string" || description.trim().length < MIN_DESCRIPTION)
      at(`description shorter than ${MIN_DESCRIPTION} characters`);
    else if (description.length > MAX_DESCRIPTION)
      at(`description longer than ${MAX_DESCRIPTION} characters`);
    if (typeof annotations !== "object" || annotations === null) {
      at("no annotations");
    } else {
      if (annotations.title !== title) at("annotations.title differs from the title");
      if (typeof annotations.readOnlyHint !== "boolean") at("readOnlyHint missing");
      if (typeof annotations.destructiveHint !== "boolean") at("destructiveHint missing");
      if (typeof annotations.openWorldHint !== "boolean") at("openWorldHint missing");
      if (annotations.readOnlyHint === true && annotations.destructiveHint !== false)
        at("read-only but not marked non-destructive");
      if (readOnly && annotations.readOnlyHint !== true) at("listed in read-only mode but not read-only");
    }
    if (inputSchema?.type !== "object") at("inputSchema.type is not object");
  }
  for (const problem of toolListProblems({ tools: tools.map(listedTool) }, profile)) problems.push(problem);
  return problems;
}

function configFor(profile: SchemaProfile, flags: string[]) {
  return parseCommandLine(["--no-cache", "--schema-profile", profile, ...flags], {}).config;
}

describe("the invariants checker", () => {
  it("fails on a broken tool array", () => {
    const good: ListedTool = {
      name: "list_things",
      title: "List things",
      description: "Lists the things of the workspace, first page.",
      inputSchema: { type: "object", properties: {} },
      annotations: { title: "List things", readOnlyHint: true, destructiveHint: false, openWorldHint: true },
    };
    expect(toolArrayProblems([good], "default", true)).toEqual([]);
    const broken: ListedTool[] = [
      good,
      good,
      { ...good, name: "ListThings" },
      { ...good, name: `x${"_y".repeat(40)}` },
      { ...good, name: "untitled", title: "" },
      { ...good, name: "terse", description: "Lists." },
      { ...good, name: "unannotated", annotations: undefined as unknown as ToolAnnotations },
      { ...good, name: "both", annotations: { ...good.annotations, destructiveHint: true } },
      { ...good, name: "writer", annotations: { ...good.annotations, readOnlyHint: false } },
      {
        ...good,
        name: "array_input",
        inputSchema: { type: "array" } as unknown as ListedTool["inputSchema"],
      },
    ];
    const problems = toolArrayProblems(broken, "default", true);
    for (const expected of [
      "list_things: name used twice",
      "ListThings: name is not snake_case",
      `x${"_y".repeat(40)}: name longer than 64 characters`,
      "untitled: no title",
      "terse: description shorter than 20 characters",
      "unannotated: no annotations",
      "both: read-only but not marked non-destructive",
      "writer: listed in read-only mode but not read-only",
      "array_input: inputSchema.type is not object",
    ])
      expect(problems).toContain(expected);
  });
});

describe.each(PROFILES)("profile %s", (profile) => {
  describe.each(MODES)("read-only $readOnly", ({ readOnly, flags }) => {
    const config = configFor(profile, flags);

    it("the generic tool specs keep every invariant", () => {
      expect(config.readOnly).toBe(readOnly);
      const tools = GENERIC_TOOLS.map((spec) => defineGenericTool(spec, config));
      expect(tools.map((tool) => tool.name)).toEqual([
        "search_actions",
        "run_action",
        "proxy_request",
        "connection_status",
      ]);
      expect(GENERIC_TOOL_NAMES).toEqual(tools.map((tool) => tool.name));
      expect(toolArrayProblems(tools, profile, readOnly)).toEqual([]);
      // Without read-only mode, the tools that can write say so.
      if (!readOnly)
        for (const name of ["run_action", "proxy_request"])
          expect(tools.find((tool) => tool.name === name)?.annotations.destructiveHint).toBe(true);
    });

    describe("a real listing (the sandbox, every action a direct tool)", () => {
      let harness: InMemoryHarness;
      beforeAll(async () => {
        harness = await startInMemory(sandboxRunner(), [
          "--no-cache",
          "--schema-profile",
          profile,
          "--max-tools",
          "1000",
          ...flags,
        ]);
        await harness.client.listTools(); // Waits for the first discovery.
      });
      afterAll(async () => {
        await harness.close();
      });

      it("keeps every invariant, as listed and as defined", async () => {
        const listed = await harness.client.listTools();
        const defined = harness.built.registry.list();
        expect(defined.length).toBeGreaterThan(GENERIC_TOOL_NAMES.length + (readOnly ? 5 : 20));
        expect(listed.tools.map((tool) => tool.name)).toEqual(defined.map((tool) => tool.name));
        expect(toolArrayProblems(listed.tools as ListedTool[], profile, readOnly)).toEqual([]);
        expect(toolArrayProblems(defined, profile, readOnly)).toEqual([]);
        expect(harness.built.registry.stats().tools).toBe(defined.length);
      });

      // Asked of the listing made without read-only mode (with it, no tool writes).
      if (!readOnly)
        it("every tool that can write refuses a stale call once the server is read-only", async () => {
          const { services } = harness.built;
          const writers = harness.built.registry
            .list()
            .filter((tool) => !GENERIC_TOOL_NAMES.includes(tool.name) && !tool.annotations.readOnlyHint);
          expect(writers.length).toBeGreaterThan(5);
          const ctx: ToolContext = {
            services: { ...services, config: { ...services.config, readOnly: true } },
            listing: harness.built.registry,
            signal: new AbortController().signal,
            progress: () => {},
            log: services.log,
          };
          const snapshot = services.catalog.current();
          for (const tool of writers) {
            // A generic request action is offered in read-only mode for GET alone: its guard refuses a write.
            const getOnly = snapshot.find(tool.name)?.effects.getOnlyInReadOnly;
            const args = getOnly ? { method: "POST", path: "/v1/customers" } : {};
            await expect(
              Promise.resolve().then(() => tool.run(args, ctx)),
              tool.name,
            ).rejects.toThrow(/^Refused: .*read-only mode/);
          }
        });
    });
  });
});
