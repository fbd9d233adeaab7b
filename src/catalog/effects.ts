/**
 * What running an action does to data, decided from what Membrane says about it and nothing else.
 *
 * Membrane's `isReadOnly` (and `isPublic`, `isCustomized`) describe the action's *definition* (a published
 * element cannot be edited), not what running it changes, so they are never read here. Only the four
 * import types of the SDK's ACTIONS table (list, find-by-id, match, search) are reads. An action whose
 * record states a fixed GET as its HTTP method counts as a read too. Everything else may write: a person
 * can vouch for operations they know to be reads with --read-only-allow, but not for the types Membrane
 * itself calls writes (create, find-or-create, update, delete).
 */

import { isRecord } from "../is-record.js";
import {
  API_REQUEST_TYPES,
  ARBITRARY_TYPES,
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
const LOOKS_ONLY = /^(get|list|count|fetch|show|search|find|preview|read)\b/i;

type EffectBasis = "read type" | "fixed GET" | "vouched" | "write type" | "unknown";

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
  /** Why `readOnly` is what it is. */
  basis: EffectBasis;
}

/**
 * The HTTP method the action's record states, when it is a fixed text: `config.request.method` or
 * `config.method` (the SDK's HttpRequestSpec). A formula (e.g. `{"$var": "$.input.method"}`) or nothing
 * at all is unknown.
 */
export function statedMethod(action: Action): string | undefined {
  const config = action["config"];
  if (!isRecord(config)) return undefined;
  const request = config["request"];
  const method = isRecord(request) && request["method"] !== undefined ? request["method"] : config["method"];
  return typeof method === "string" && method.trim() !== "" ? method.trim().toUpperCase() : undefined;
}

/**
 * Whether the action's record fixes both the method and the path as plain text (no formula reading the
 * input): then the input cannot steer the request, and the request guard has nothing to check.
 */
export function hasFixedTarget(action: Action): boolean {
  const config = action["config"];
  if (!isRecord(config) || statedMethod(action) === undefined) return false;
  const request = isRecord(config["request"]) ? config["request"] : config;
  return ["path", "url", "uri"].some((field) => {
    const value = request[field];
    return typeof value === "string" && value.trim() !== "";
  });
}

/** `vouched`: the person named this action in --read-only-allow. */
export function actionEffects(action: Action, vouched = false): ActionEffects {
  const type = action.type ?? "";
  const arbitrary = ARBITRARY_TYPES.has(type);
  const getOnlyInReadOnly = API_REQUEST_TYPES.has(type) && inputTakesMethod(action.inputSchema);
  const readBasis: EffectBasis | undefined = READ_TYPES.has(type)
    ? "read type"
    : REQUEST_TYPES.has(type) && statedMethod(action) === "GET"
      ? "fixed GET"
      : vouched && !WRITE_TYPES.has(type)
        ? "vouched"
        : undefined;
  if (readBasis) {
    return {
      readOnly: true,
      destructive: false,
      highBlast: false,
      arbitrary,
      getOnlyInReadOnly,
      basis: readBasis,
    };
  }
  const knownWrite = WRITE_TYPES.has(type);
  // A delete is destructive; so is anything whose effect Membrane does not state.
  const destructive = type === "delete-data-record" || !knownWrite;
  const words = `${action.key ?? ""} ${action.name}`;
  const highBlast =
    type === "delete-data-record" ||
    SENDS_OR_DELETES.test(words) ||
    (MESSAGING_NOUNS.test(words) && !LOOKS_ONLY.test(action.name.trim()));
  return {
    readOnly: false,
    destructive,
    highBlast,
    arbitrary,
    getOnlyInReadOnly,
    basis: knownWrite ? "write type" : "unknown",
  };
}

/** Whether read-only mode offers the action: a read, or a generic API request the guard limits to GET. */
export function offeredInReadOnly(effects: ActionEffects): boolean {
  return effects.readOnly || effects.getOnlyInReadOnly;
}
