/**
 * How the server asks the person to confirm (tools/confirm.ts) in both protocol eras, with one mechanism:
 * the tools/call handler answers with an `input_required` result holding a form elicitation. On 2026-07-28
 * that result goes to the client, which asks the person and retries the call with the answer; on a
 * 2025-11-25 connection the SDK's legacy shim sends it as an `elicitation/create` request and re-enters the
 * handler with the answer. Either way the tool runs again from the start and, at the same point, finds
 * the answer. The `requestState` is a digest of what was shown: an answer counts only for that exact
 * input (a retry with other input is asked again). It needs no secret: the client that returns it is the
 * one that asks the person anyway.
 */
import { createHash } from "node:crypto";
import {
  CLIENT_CAPABILITIES_META_KEY,
  type ClientCapabilities,
  type InputRequiredResult,
  inputRequired,
  inputResponse,
  type ServerContext,
} from "@modelcontextprotocol/server";
import type { ConfirmAnswer, ConfirmRequest } from "../tools/tool-definition.js";
import { isModernRequest } from "./request-context.js";

const KEY = "confirm";
/** The exact input is shown up to this many characters; more is cut with a note. */
const MAX_SHOWN = 6000;

/** Thrown by `confirm` to ask first: the tools/call handler returns `result` (server.ts). */
export class ConfirmationPending extends Error {
  constructor(readonly result: InputRequiredResult) {
    super("waiting for the person's confirmation");
  }
}

/** Form elicitation: a bare `elicitation: {}` means form (2025 rule); else `form` must be declared. */
function supportsFormElicitation(capabilities: ClientCapabilities | undefined): boolean {
  const elicitation = capabilities?.elicitation as Record<string, unknown> | undefined;
  if (!elicitation) return false;
  return elicitation["form"] !== undefined || elicitation["url"] === undefined;
}

function digest(request: ConfirmRequest): string {
  return createHash("sha256")
    .update(JSON.stringify([request.kind ?? "high-blast", request.what, request.input]))
    .digest("base64url");
}

function message(request: ConfirmRequest): string {
  const json = JSON.stringify(request.input, null, 2) ?? "null";
  const shown =
    json.length > MAX_SHOWN
      ? `${json.slice(0, MAX_SHOWN)}\n… (${json.length - MAX_SHOWN} more characters: ask the agent for a dry run to see all)`
      : json;
  return `Customer.io: run ${request.what}? ${request.why}\n\nThis exact input will be sent:\n${shown}`;
}

/** The form: a yes box, and for an unknown effect in read-only mode, "for the rest of this session" too. */
interface BooleanField {
  type: "boolean";
  title: string;
  description: string;
  default: boolean;
}

function requestedSchema(request: ConfirmRequest): {
  type: "object";
  properties: Record<string, BooleanField>;
  required: string[];
} {
  if (request.kind === "unknown-effect")
    return {
      type: "object",
      properties: {
        confirm: {
          type: "boolean",
          title: "Yes, run it",
          description: "Tick to run it exactly as shown, although this server is read-only.",
          default: false,
        },
        session: {
          type: "boolean",
          title: "Also for the rest of this session",
          description: "Do not ask again for this operation until the server restarts.",
          default: false,
        },
      },
      required: ["confirm"],
    };
  return {
    type: "object",
    properties: {
      confirm: {
        type: "boolean",
        title: "Yes, send it",
        description: "Tick to run it exactly as shown; it cannot be undone.",
        default: true,
      },
    },
    required: ["confirm"],
  };
}

/**
 * The `confirm` of one tools/call request. `legacyCapabilities`: what the client declared at `initialize`
 * on a 2025-era connection (a stateless HTTP request has none: it cannot be asked).
 */
export function confirmationFor(
  ctx: ServerContext,
  legacyCapabilities: () => ClientCapabilities | undefined,
): (request: ConfirmRequest) => Promise<ConfirmAnswer> {
  return async (request) => {
    const capabilities = isModernRequest(ctx)
      ? ((ctx.mcpReq.envelope as Record<string, unknown> | undefined)?.[CLIENT_CAPABILITIES_META_KEY] as
          | ClientCapabilities
          | undefined)
      : legacyCapabilities();
    if (!supportsFormElicitation(capabilities)) return "unsupported";
    const state = digest(request);
    const answer = inputResponse(ctx.mcpReq.inputResponses, KEY);
    if (answer.kind === "elicit" && ctx.mcpReq.requestState() === state) {
      if (answer.action !== "accept") return answer.action;
      // Accepting the form with the box unticked is not a yes.
      if (answer.content?.["confirm"] !== true) return "decline";
      return request.kind === "unknown-effect" && answer.content?.["session"] === true
        ? "accept-session"
        : "accept";
    }
    throw new ConfirmationPending(
      inputRequired({
        inputRequests: {
          [KEY]: inputRequired.elicit({
            mode: "form",
            message: message(request),
            requestedSchema: requestedSchema(request),
          }),
        },
        requestState: state,
      }),
    );
  };
}
