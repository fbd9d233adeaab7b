/**
 * Confirmation by the person before what cannot be undone (issues #12, #18): a call that sends real
 * messages or deletes data asks the person first, through the client's elicitation, when --confirm is
 * `high-blast`. Where the client cannot be asked, or the server cannot know whether it can (stateless
 * HTTP), such a call is refused rather than run unasked; over stdio a client without elicitation keeps the
 * guidance (dry run, then the person's consent through the agent). In read-only mode an operation whose
 * effect Membrane does not state is run only after the person's yes (once, or for the session), and is
 * otherwise refused with the exact --read-only-allow setting that vouches for it. Tools call these after
 * validation, guards and dry-run handling, so a person sees exactly what will be sent. How the question
 * reaches the client is the server's business (protocol/confirmation.ts).
 */
import type { CatalogEntry } from "../catalog/entries.js";
import { UserInputError } from "../errors.js";
import type { ConfirmAnswer, ConfirmRequest, ToolContext } from "./tool-definition.js";

function refusedByPerson(answer: ConfirmAnswer, what: string): UserInputError {
  const verb = answer === "decline" ? "declined" : "cancelled";
  return new UserInputError(
    `Not run: the person ${verb} ${what}. Nothing was sent and no data changed.`,
    answer === "decline"
      ? "do not retry it as is; ask the person what they want changed (or whether to drop it), then call again with the new input."
      : "the person closed the question without answering; ask them whether to go ahead before calling again.",
  );
}

/**
 * Asks the person when --confirm and the client allow it; returns when the call may go ahead and throws
 * (nothing sent) when the person declined or cancelled, or when nobody can be asked where asking is required.
 */
export async function confirmOrRefuse(ctx: ToolContext, request: ConfirmRequest): Promise<void> {
  const { services } = ctx;
  if (services.config.confirm === "never") return;
  const answer = ctx.confirm ? await ctx.confirm(request) : "unsupported";
  if (answer === "accept" || answer === "accept-session") {
    services.log.info(`Confirmed by the person: ${request.what}`);
    return;
  }
  if (answer === "unsupported") {
    if (!ctx.refuseUnasked) return;
    throw new UserInputError(
      `Refused: ${request.what} sends real messages or deletes data, and this server cannot ask the person to confirm it: the client declared no form elicitation, or (a 2025-11-25 client over stateless HTTP) the server cannot know whether it can ask. Nothing was sent.`,
      "Use a client that supports MCP elicitation (the 2026-07-28 protocol over HTTP, or stdio); or the person who runs the server can start it with --confirm never to run such calls without asking.",
    );
  }
  throw refusedByPerson(answer, request.what);
}

/** The settings that vouch for `entry` as a read: the flag, the environment and the bundle's field. */
function vouchingSettings(entry: CatalogEntry): string {
  const name = entry.toolName;
  return `--read-only-allow ${name} (or CUSTOMERIO_MCP_READ_ONLY_ALLOW=${name}; in the Claude Desktop bundle, add ${name} to the setting "Read-only: also allow")`;
}

/**
 * Read-only mode and an operation whose effect Membrane does not state: the person decides (once, or for
 * this session); without anyone to ask it is refused with the setting that would vouch for it.
 */
export async function approveUnknownEffect(
  ctx: ToolContext,
  entry: CatalogEntry,
  input: unknown,
): Promise<void> {
  const id = entry.action.id;
  if (ctx.session?.approvedUnknown.has(id)) return;
  const what = `"${entry.title}" (${id}, ${entry.action.type ?? "no type"})`;
  const answer = ctx.confirm
    ? await ctx.confirm({
        what,
        why: "This server is read-only, and Membrane does not say whether it changes data. Run it only if you know it just reads.",
        input,
        kind: "unknown-effect",
      })
    : "unsupported";
  if (answer === "accept" || answer === "accept-session") {
    if (answer === "accept-session") ctx.session?.approvedUnknown.add(id);
    ctx.services.log.info(`Allowed by the person in read-only mode: ${what}`);
    return;
  }
  if (answer === "unsupported") {
    throw new UserInputError(
      `Refused: ${what}: Membrane does not say whether it changes data, this server runs in read-only mode, and this client cannot ask the person.`,
      `If the person knows it only reads data, they can vouch for it: restart the server with ${vouchingSettings(entry)}. Otherwise use a read-only action (search_actions shows readOnly), or restart without --read-only.`,
    );
  }
  throw refusedByPerson(answer, what);
}
