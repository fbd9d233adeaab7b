/**
 * The invariant over a whole tools/list result: the official MCP SDK client's ListToolsResultSchema
 * parses it (one odd schema, such as a property named `constructor`, once made it reject the entire list),
 * and every tool's inputSchema keeps its profile's client rules (invariants.ts). The tests apply it to
 * every tool list they build; it is a function of the result alone, so anything can call it.
 */
import { ListToolsResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { schemaProblems } from "../../src/schema/invariants.js";
import { isPlainObject } from "../../src/schema/keywords.js";
import type { SchemaProfile } from "../../src/schema/types.js";

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** Every broken promise of a tools/list result, as "tool: where: what"; empty when all is well. */
export function toolListProblems(result: unknown, profile: SchemaProfile): string[] {
  const problems: string[] = [];
  const parsed = ListToolsResultSchema.safeParse(result);
  if (!parsed.success) problems.push(`tools/list: the SDK client rejects it: ${parsed.error.message}`);
  const tools = isPlainObject(result) && Array.isArray(result.tools) ? result.tools : [];
  if (tools.length === 0) problems.push("tools/list: no tools");
  for (const tool of tools) {
    const name = isPlainObject(tool) && typeof tool.name === "string" ? tool.name : "(unnamed)";
    if (!TOOL_NAME.test(name)) problems.push(`${name}: tool name outside ${TOOL_NAME}`);
    const schema = isPlainObject(tool) ? tool.inputSchema : undefined;
    for (const problem of schemaProblems(schema, profile)) problems.push(`${name}: ${problem}`);
    const output = isPlainObject(tool) ? tool.outputSchema : undefined;
    // 2025-11-25 wants an object at an outputSchema's root (2026-07-28 allows any; this server sends objects).
    if (output !== undefined && !(isPlainObject(output) && output.type === "object"))
      problems.push(`${name}: outputSchema: its root is not an object`);
  }
  return problems;
}
