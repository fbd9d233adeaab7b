/**
 * Generic tools are written as constant specs (search-actions.ts, run-action.ts...) and turned into tool
 * definitions here, once per server by the registry: the JSON Schema is made with z.toJSONSchema and passed
 * through the configured profile like the action tools', validation runs against that advertised schema,
 * and zod then gives the run function typed values with defaults filled in. A spec reads what it needs
 * (services, the current listing) from the context at call time; only its description and annotations may
 * depend on the configuration (read-only mode).
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { Config } from "../config.js";
import { UserInputError } from "../errors.js";
import { normalizeSchema } from "../schema/normalize.js";
import { compileValidator } from "../schema/validate.js";
import type { ObjectJsonSchema, ToolContext, ToolDefinition, ToolOutput } from "./tool-definition.js";

export interface GenericToolSpec<Input extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string | ((config: Config) => string);
  input: Input;
  annotations: ToolAnnotations | ((config: Config) => ToolAnnotations);
  /** `raw`: the validated, decoded arguments before zod (whose records drop a `__proto__` key). */
  run(args: z.output<Input>, ctx: ToolContext, raw: Record<string, unknown>): Promise<ToolOutput>;
}

export function defineGenericTool<Input extends z.ZodObject>(
  spec: GenericToolSpec<Input>,
  config: Config,
): ToolDefinition {
  // The same path as an action's schema: on a clean (zod-made) schema the conversion keeps everything.
  // zod drops unknown keys: its objects are closed, so no profile offers a property for other keys.
  const converted = normalizeSchema(
    z.toJSONSchema(spec.input, { io: "input" }) as ObjectJsonSchema,
    config.schemaProfile,
    { closedObjects: true },
  );
  const check = compileValidator(converted.validationSchema);
  const description = typeof spec.description === "function" ? spec.description(config) : spec.description;
  const annotations = typeof spec.annotations === "function" ? spec.annotations(config) : spec.annotations;
  return {
    name: spec.name,
    title: spec.title,
    description,
    inputSchema: converted.schema,
    annotations: { title: spec.title, ...annotations },
    validate(args) {
      const value = args ?? {};
      const result = check(value);
      if (!result.ok) throw invalidArguments(spec.name, result.problems);
      return converted.toActionInput(value as Record<string, unknown>);
    },
    async run(args, ctx) {
      const parsed = spec.input.safeParse(args);
      if (!parsed.success) {
        throw invalidArguments(
          spec.name,
          parsed.error.issues.map(
            (issue) => `\`${issue.path.join(".") || "(arguments)"}\`: ${issue.message}`,
          ),
        );
      }
      return spec.run(parsed.data, ctx, (args ?? {}) as Record<string, unknown>);
    },
  };
}

export function invalidArguments(toolName: string, problems: readonly string[]): UserInputError {
  return new UserInputError(
    `Invalid arguments for ${toolName}: ${problems.join("; ")}.`,
    "Fix the arguments named above (see the tool's input schema) and call again; nothing was run.",
  );
}
