/**
 * The one shape every tool has, generic or generated from an action. The server lists and calls tools
 * through this record alone and never asks where a tool came from.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../log.js";

import type { ObjectJsonSchema } from "../schema/types.js";

export type { ObjectJsonSchema };

/** What a running tool may use besides its arguments. */
export interface ToolContext {
  /** Aborted when the client cancels the request; CLI calls pass it on to kill their child. */
  signal: AbortSignal;
  /** Reports progress to the client when it asked for it (a progress token); otherwise does nothing. */
  progress: (message: string) => void;
  log: Logger;
}

/** What a tool returns when it succeeds. */
export interface ToolOutput {
  /** The result itself (any JSON); shown as JSON text, cut to --max-output when longer. */
  data: unknown;
  /** Small facts about the call (e.g. the action run id), shown beside the data and never cut. */
  meta?: Record<string, unknown>;
  /** A sentence for the agent, shown after the data. */
  note?: string;
  /** Keep only these parts of `data` (dot paths, `*` for every item) before it is measured. */
  fields?: readonly string[] | undefined;
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
