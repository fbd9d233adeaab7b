/**
 * The one shape every tool has, generic or generated from an action. The server lists and calls tools
 * through this record alone and never asks where a tool came from.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../log.js";
import type { ToolOutput } from "../output/tool-output.js";
import type { ObjectJsonSchema } from "../schema/types.js";
import type { Services, ToolListStats } from "./services.js";

export type { ObjectJsonSchema, ToolOutput };

/** What the person is asked to confirm: the action (or request) and the exact input that will be sent. */
export interface ConfirmRequest {
  /** E.g. `Send Transactional Email (act-send-email)` or `DELETE /v1/customers/42`. */
  what: string;
  /** Why it cannot be undone, one short sentence. */
  why: string;
  /** The input exactly as it will be sent. */
  input: unknown;
  /**
   * `unknown-effect`: read-only mode and Membrane does not say whether it changes data; the person may
   * also allow it for the rest of the session. Default: high blast (it cannot be undone).
   */
  kind?: "high-blast" | "unknown-effect";
}

/**
 * The person's answer. `unsupported`: the client cannot ask (no form elicitation), so today's guidance
 * (dry run, then the person's consent through the agent) is all there is.
 */
export type ConfirmAnswer = "accept" | "accept-session" | "decline" | "cancel" | "unsupported";

/** What one client connection remembers between calls (a stateless HTTP request has its own, fresh). */
export interface SessionState {
  /** Action ids of unknown effect the person allowed for this session in read-only mode. */
  approvedUnknown: Set<string>;
}

/** The tools offered right now, as a running tool may ask about them (the registry answers, at call time). */
export interface ToolListing {
  /** Whether `name` is a tool of the current tools/list. */
  has(name: string): boolean;
  /** The current tools/list's size and what it leaves out, for connection_status. */
  stats(): ToolListStats;
}

/** What a running tool may use besides its arguments: read at call time, never captured when it is built. */
export interface ToolContext {
  services: Services;
  listing: ToolListing;
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
  /**
   * The client cannot be asked on this wire, or the server cannot know whether it can (stateless HTTP):
   * then what needs a person's yes is refused instead of run unasked, unless --confirm never.
   */
  refuseUnasked?: boolean;
  /** Epoch ms by which the whole call must answer (tools/deadline.ts): --timeout from its arrival. */
  deadline?: number;
  session?: SessionState;
}

export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  /** Advertised as is in tools/list. */
  inputSchema: ObjectJsonSchema;
  /** The shape of the result's structuredContent, when the tool declares one (catalog/output-contract.ts). */
  outputSchema?: ObjectJsonSchema;
  /**
   * With outputSchema: whether a value may go out as structuredContent's `output` (it conforms to the
   * declared shape). output/result.ts asks it about the value actually shown (after the cut).
   */
  acceptsOutput?(value: unknown): boolean;
  annotations: ToolAnnotations;
  /** Checks the arguments against the advertised schema; throws UserInputError naming each bad argument. */
  validate(args: unknown): Record<string, unknown>;
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolOutput>;
}

/** What tools/list shows of a tool, in this order: also what a tool costs in the list. */
export type ListedTool = Pick<
  ToolDefinition,
  "name" | "title" | "description" | "inputSchema" | "outputSchema" | "annotations"
>;

/** The tools/list projection of a tool: the one place that says which fields a client sees. */
export function listedTool(tool: ListedTool): ListedTool {
  const { name, title, description, inputSchema, outputSchema, annotations } = tool;
  return outputSchema === undefined
    ? { name, title, description, inputSchema, annotations }
    : { name, title, description, inputSchema, outputSchema, annotations };
}
