/**
 * Running one catalog action, shared by the direct action tools and run_action, once each has refused what
 * this server does not run (refuseUnoffered, find-action.ts: writes in read-only mode, arbitrary requests
 * not named in --tools): puts Membrane's generic request actions through the proxy guard, checks the decoded input
 * against the action's faithful schema (prepareActionInput, called by each tool's validation step),
 * optionally stops at a dry run, asks the person to confirm what cannot be undone (tools/confirm.ts), and
 * otherwise runs it through the CLI with progress, bounded retries and field selection.
 */

import { asksInReadOnly, hasFixedTarget, statedMethod } from "../catalog/effects.js";
import type { CatalogEntry } from "../catalog/entries.js";
import type { SchemaProfile } from "../config.js";
import { refuseUnlessReads } from "../guard/proxy-guard.js";
import {
  guardRequestActionInput,
  isRequestActionType,
  requestActionEffects,
} from "../guard/request-action-guard.js";
import { inputTakesMethod } from "../membrane/contract/action-types.js";
import { withRetries } from "../membrane/retry.js";
import { approveUnknownEffect, confirmOrRefuse } from "./confirm.js";
import { beforeDeadline, callDeadline, remainingMs } from "./deadline.js";
import { invalidArguments } from "./define-tool.js";
import type { ToolContext, ToolOutput } from "./tool-definition.js";

/**
 * Decodes `input` (what the profile and client-safe keys changed) and checks the result against the
 * action's faithful schema, in every profile; returns what the action receives.
 */
export function prepareActionInput(
  entry: CatalogEntry,
  input: Record<string, unknown>,
): Record<string, unknown> {
  if (!entry.normalized) return input; // Not convertible: Membrane validates it itself.
  const result = entry.normalized.check(input);
  if (!result.ok) throw invalidArguments(entry.toolName, result.problems);
  return result.input;
}

interface ExecuteOptions {
  dryRun?: boolean;
  fields?: readonly string[] | undefined;
}

/**
 * run_action's input is free-form, and its advertised schema says only "the action's input": the plain
 * input, as Membrane takes it, whatever the profile (never JSON text for a nested value, never nulls for
 * what it leaves out; the tool's own arguments are decoded before). So it is checked against the faithful
 * schema directly: decoding it in the profile's style would turn a string "123" into a number.
 */
export function prepareRunActionInput(
  entry: CatalogEntry,
  input: Record<string, unknown>,
  profile?: SchemaProfile,
): Record<string, unknown> {
  if (!entry.normalized) return input; // Not convertible: Membrane validates it itself.
  const result = entry.normalized.checkPlain(input);
  if (result.ok) return result.input;
  // search_actions shows the profile's schema; run_action wants the input as Membrane reads it.
  const plainly =
    profile && profile !== "default"
      ? [
          "run_action takes the plain input: leave out what you do not send (no null placeholders) and give objects as objects",
        ]
      : [];
  throw invalidArguments(entry.toolName, [...result.problems, ...plainly]);
}

/** Runs the action with `actionInput`, which prepareActionInput already checked. */
export async function executeAction(
  entry: CatalogEntry,
  actionInput: Record<string, unknown>,
  ctx: ToolContext,
  options: ExecuteOptions = {},
): Promise<ToolOutput> {
  const { services } = ctx;
  // A generic request action reaches any URL with the connection's credentials: proxy_request's rules apply.
  // (Not when its record fixes the method and the path: then the input cannot steer it.)
  if (isRequestActionType(entry.action.type) && !hasFixedTarget(entry.action)) {
    actionInput = guardRequestActionInput(actionInput, {
      readOnly: services.config.readOnly,
      takesMethod: inputTakesMethod(entry.action.inputSchema),
      // A method fixed by the action's record is the method, whatever the input calls `method`.
      fixedMethod: statedMethod(entry.action),
    });
  }
  // A request is judged as the request it is, by the decision proxy_request uses (request-effects.ts).
  const request = requestActionEffects(entry.action, actionInput);
  if (request && services.config.readOnly) refuseUnlessReads(request.method, request.canonicalPath);
  const highBlast = request ? request.highBlast : entry.effects.highBlast;
  if (options.dryRun) {
    return {
      data: {
        dryRun: true,
        action: { id: entry.action.id, key: entry.action.key, name: entry.title },
        input: actionInput,
      },
      note: "Dry run: nothing was sent. Call again without dry_run to run it.",
    };
  }
  // Nothing above has side effects: a confirmation may re-enter this call with the person's answer.
  if (services.config.readOnly && !request && asksInReadOnly(entry.effects))
    await approveUnknownEffect(ctx, entry, actionInput);
  if (highBlast)
    await confirmOrRefuse(ctx, {
      what: `"${entry.title}" (${entry.action.id})`,
      why: "It sends real messages or deletes data, and cannot be undone.",
      input: actionInput,
    });
  const connection = await beforeDeadline(
    ctx,
    services.connection.resolve({ signal: ctx.signal, deadline: callDeadline(ctx) }),
    "finding the Customer.io connection",
  );
  ctx.progress(`Running ${entry.title}`);
  const run = await withRetries(
    ({ deadline }) =>
      services.membrane.runAction(connection.id, entry.action.id, actionInput, {
        signal: ctx.signal,
        deadline,
        onTick: (seconds) => ctx.progress(`${entry.title}: still running after ${seconds} s`),
      }),
    {
      idempotent: entry.effects.readOnly,
      deadlineMs: remainingMs(ctx),
      signal: ctx.signal,
      log: services.log,
      clock: services.membrane.clock,
    },
  );
  return { data: run.output ?? null, meta: { actionRunId: run.actionRunId }, fields: options.fields };
}
