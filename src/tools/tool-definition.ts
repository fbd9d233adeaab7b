/**
 * The one shape every tool has, generic or generated from an action. The server lists and calls tools
 * through this record alone and never asks where a tool came from.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../log.js";
import type { ToolOutput } from "../output/tool-output.js";
import type { ObjectJsonSchema } from "../schema/types.js";
import type { ConfirmAnswer, ConfirmRequest } from "./confirm.js";

export type { ObjectJsonSchema, ToolOutput };

/** What a running tool may use besides its arguments. */
export interface ToolContext {
  /** Aborted when the client cancels the request; CLI calls pass it on to kill their child. */
  signal: AbortSignal;
  /** Reports progress to the client when it asked for it (a progress token); otherwise does nothing. */
  progress: (message: string) => void;
  log: Logger;
  /**
   * Asks the person to confirm a call that cannot be undone (tools/confirm.ts); absent where no client can
   * be asked. May throw a server-side signal to ask first (re-entering the tool with the answer): tools let
   * it pass and do nothing with side effects before calling it.
   */
  confirm?: (request: ConfirmRequest) => Promise<ConfirmAnswer>;
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
