/**
 * What running an action does to data, decided from what Membrane says about it and nothing else.
 *
 * Membrane's `isReadOnly` (and `isPublic`, `isCustomized`) describe the action's *definition* (a published
 * element cannot be edited), not what running it changes, so they are never read here. Only the four
 * import types of the SDK's ACTIONS table (list, find-by-id, match, search) are reads. An action whose
 * record states a fixed GET as its HTTP method counts as a read too; a fixed other method is a write, and
 * then an input property named `method` is the action's own field, not the HTTP method. Everything else may
 * write: a person can vouch for operations they know to be reads with --read-only-allow, but only for those
 * whose effect is unknown: never for the types Membrane itself calls writes (create, find-or-create,
 * update, delete), a fixed write method, or what sends or deletes (high blast). What a request sends is
 * judged by guard/request-effects.ts, the one decision proxy_request uses too.
 */
import { requestEffects } from "../guard/request-effects.js";

import {
  API_REQUEST_TYPES,
  ARBITRARY_TYPES,
  fixedRequestTarget,
  inputTakesMethod,
  READ_TYPES,
  REQUEST_TYPES,
  WRITE_TYPES,
} from "../membrane/contract/action-types.js";
import type { Action } from "../membrane/contract/records.js";

export { ARBITRARY_TYPES, READ_TYPES, WRITE_TYPES };

/** Verbs of Customer.io's high-blast operations: they send real messages or lose data. */
const SENDS_OR_DELETES = /\bsend|send[-_ ]|trigger|delete|remove|suppress|destroy|erase|unsubscribe/i;
/** What gets sent; high blast unless the name says it only looks (e.g. "Get Newsletter Content"). */
const MESSAGING_NOUNS = /broadcast|newsletter|transactional/i;
const LOOKS_ONLY = /^(get|list|count|fetch|show|search|find|preview|read|lookup|check)\b/i;

type EffectBasis = "read type" | "fixed GET" | "vouched" | "write type" | "fixed write" | "unknown";

export interface ActionEffects {
  /** Safe in read-only mode: a read type, a fixed GET, or vouched for by the person (--read-only-allow). */
  readOnly: boolean;
  destructive: boolean;
  /** Sends real messages or deletes data: preview with dry_run and confirm with the person first. */
  highBlast: boolean;
  /** http-request or run-javascript: neither a direct tool nor runnable unless named in --tools. */
  arbitrary: boolean;
  /**
   * A generic API request whose input carries the method: in read-only mode it is offered, and the request
   * guard lets only GET through (guard/request-action-guard.ts).
   */
  getOnlyInReadOnly: boolean;
  /** It sends one HTTP request (request types): what that request does decides, per call. */
  sendsRequest: boolean;
  /** Why `readOnly` is what it is. */
  basis: EffectBasis;
}

/** The HTTP method the action's record states as fixed text (see fixedRequestTarget), else undefined. */
export function statedMethod(action: Action): string | undefined {
  return fixedRequestTarget(action).method;
}

/**
 * Whether the action's record fixes both the method and the path as plain text (no formula reading the
 * input): then the input cannot steer the request, and the request guard has nothing to check.
 */
export function hasFixedTarget(action: Action): boolean {
  const target = fixedRequestTarget(action);
  return target.method !== undefined && target.path !== undefined;
}

/** Whether the name says it only looks (get, list, count...): its nouns never make it a send or a delete. */
function looksOnly(action: Action): boolean {
  return LOOKS_ONLY.test(action.name.trim()) || LOOKS_ONLY.test((action.key ?? "").replace(/[-_]/g, " "));
}

/** `vouched`: the person named this action in --read-only-allow. */
export function actionEffects(action: Action, vouched = false): ActionEffects {
  const type = action.type ?? "";
  const arbitrary = ARBITRARY_TYPES.has(type);
  const target = REQUEST_TYPES.has(type) ? fixedRequestTarget(action) : {};
  // A method fixed by the record is the method: an input property `method` is then the action's own field.
  const getOnlyInReadOnly =
    API_REQUEST_TYPES.has(type) && target.method === undefined && inputTakesMethod(action.inputSchema);
  const fixedWrite = target.method !== undefined && target.method !== "GET";
  const words = `${action.key ?? ""} ${action.name}`;
  const byName = !looksOnly(action) && (SENDS_OR_DELETES.test(words) || MESSAGING_NOUNS.test(words));
  // A fixed method and path are judged exactly as proxy_request judges them; a fixed method alone, with
  // the name too (the path is judged again per call, execute-action.ts).
  const byRequest =
    target.method === undefined
      ? byName
      : requestEffects(target.method, target.path ?? "").highBlast ||
        (target.path === undefined && fixedWrite && byName);
  const highBlast = type === "delete-data-record" || byRequest;
  const knownWrite = WRITE_TYPES.has(type) || fixedWrite;
  const readBasis: EffectBasis | undefined = READ_TYPES.has(type)
    ? "read type"
    : target.method === "GET"
      ? "fixed GET"
      : vouched && !knownWrite && !highBlast
        ? "vouched"
        : undefined;
  if (readBasis) {
    return {
      readOnly: true,
      destructive: false,
      highBlast: false,
      arbitrary,
      getOnlyInReadOnly,
      sendsRequest: REQUEST_TYPES.has(type),
      basis: readBasis,
    };
  }
  // A delete is destructive; so is anything whose effect Membrane does not state.
  const destructive = type === "delete-data-record" || highBlast || !knownWrite;
  return {
    readOnly: false,
    destructive,
    highBlast,
    arbitrary,
    getOnlyInReadOnly,
    sendsRequest: REQUEST_TYPES.has(type),
    basis: WRITE_TYPES.has(type) ? "write type" : fixedWrite ? "fixed write" : "unknown",
  };
}

/** Whether read-only mode offers the action: a read, or a generic API request the guard limits to GET. */
export function offeredInReadOnly(effects: ActionEffects): boolean {
  return effects.readOnly || effects.getOnlyInReadOnly;
}

/**
 * Whether read-only mode may still run it after the person's yes (tools/confirm.ts): Membrane does not
 * state its effect, and nothing says it sends or deletes. A known write never is.
 */
export function asksInReadOnly(effects: ActionEffects): boolean {
  return effects.basis === "unknown" && !effects.highBlast && !effects.arbitrary && !effects.sendsRequest;
}
