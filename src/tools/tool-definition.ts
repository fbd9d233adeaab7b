/**
 * The one shape every tool has, generic or generated from an action. The server lists and calls tools
 * through this record alone and never asks where a tool came from.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../log.js";

/** A JSON Schema whose root is an object, as MCP requires for a tool's input. */
export interface ObjectJsonSchema {
  type: "object";
  properties: Record<string, unknown>;
  required?: string[];
  [keyword: string]: unknown;
}

/** What a running tool may use besides its arguments. */
export interface ToolContext {
  /** Aborted when the client cancels the request; CLI calls pass it on to kill their child. */
  signal: AbortSignal;
  /** Reports progress to the client when it asked for it (a progress token); otherwise does nothing. */
  progress: (message: string) => void;
  log: Logger;
}

/** What a tool returns when it succeeds: the data, and optionally a note for the agent. */
export interface ToolOutput {
  data: unknown;
  /** A sentence shown after the data (for example why a result was cut short). */
  note?: string;
  /** Paths to keep from `data` before it is measured (see safety/shape-output). */
  fields?: string[];
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
