/**
 * Confirmation by the person before what cannot be undone (issue #12): a call that sends real messages or
 * deletes data asks the person first, through the client's elicitation, when the client offers it and
 * --confirm is `high-blast`. Tools call confirmOrRefuse after validation, guards and dry-run handling, so a
 * person sees exactly what will be sent. How the question reaches the client (an `elicitation/create`
 * request, or a 2026-07-28 `input_required` result) is the server's business (protocol/confirmation.ts).
 */
import { UserInputError } from "../errors.js";
import type { ConfirmRequest, ToolContext } from "./tool-definition.js";

/**
 * Asks the person when --confirm and the client allow it; returns when the call may go ahead and throws
 * (nothing sent) when the person declined or cancelled.
 */
export async function confirmOrRefuse(ctx: ToolContext, request: ConfirmRequest): Promise<void> {
  const { services } = ctx;
  if (services.config.confirm === "never" || !ctx.confirm) return;
  const answer = await ctx.confirm(request);
  if (answer === "accept" || answer === "unsupported") {
    if (answer === "accept") services.log.info(`Confirmed by the person: ${request.what}`);
    return;
  }
  const verb = answer === "decline" ? "declined" : "cancelled";
  throw new UserInputError(
    `Not run: the person ${verb} ${request.what}. Nothing was sent and no data changed.`,
    answer === "decline"
      ? "do not retry it as is; ask the person what they want changed (or whether to drop it), then call again with the new input."
      : "the person closed the question without answering; ask them whether to go ahead before calling again.",
  );
}
