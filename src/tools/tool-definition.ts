/**
 * The one shape every tool has, generic or generated from an action. The server lists and calls tools
 * through this record alone and never asks where a tool came from.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../log.js";
import type { ToolOutput } from "../output/tool-output.js";
import type { ObjectJsonSchema } from "../schema/types.js";

export type { ObjectJsonSchema, ToolOutput };

/** What a running tool may use besides its arguments. */
export interface ToolContext {
  /** Aborted when the client cancels the request; CLI calls pass it on to kill their child. */
  signal: AbortSignal;
  /** Reports progress to the client when it asked for it (a progress token); otherwise does nothing. */
  progress: (message: string) => void;
  log: Logger;
}

export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  /** Advertised as is in tools/list. */
  inputSchema: ObjectJsonSchema;
  annotations: ToolAnnotations;
  /** Checks the arguments against the advertised schema; throws UserInputError naming each bad argument. */
  validate(args: unknown): Record<string, unknown>;
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolOutput>;
}
