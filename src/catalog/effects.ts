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
import type { Action } from "../membrane/schemas.js";

/** Membrane's import types (direction IMPORT in the SDK's ACTIONS table). */
export const READ_TYPES: ReadonlySet<string> = new Set([
  "list-data-records",
  "find-data-record-by-id",
  "match-data-record",
  "search-data-record",
]);
/** Membrane's export types: they write by definition. */
export const WRITE_TYPES: ReadonlySet<string> = new Set([
  "create-data-record",
  "find-or-create-data-record",
  "update-data-record",
  "delete-data-record",
]);
/** An arbitrary HTTP request to any endpoint, or custom code: offered only when named in --tools. */
export const ARBITRARY_TYPES: ReadonlySet<string> = new Set(["http-request", "run-javascript"]);
/** Types that send one HTTP request, whose record may state the method. */
const REQUEST_TYPES = new Set([
  "api-request-to-external-app",
  "api-request-to-your-app",
  "http-request",
  "api-request",
]);

const SENDS_OR_DELETES =
  /broadcast|newsletter|transactional|\bsend|send[-_ ]|trigger|delete|remove|suppress|destroy|erase|unsubscribe/i;

export type EffectBasis = "read type" | "fixed GET" | "vouched" | "write type" | "unknown";

export interface ActionEffects {
  /** Safe in read-only mode: a read type, a fixed GET, or vouched for by the person (--read-only-allow). */
  readOnly: boolean;
  destructive: boolean;
  /** Sends real messages or deletes data: preview with dry_run and confirm with the person first. */
  highBlast: boolean;
  /** http-request or run-javascript: neither a direct tool nor runnable unless named in --tools. */
  arbitrary: boolean;
  /** Why `readOnly` is what it is. */
  basis: EffectBasis;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

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

/** `vouched`: the person named this action in --read-only-allow. */
export function actionEffects(action: Action, vouched = false): ActionEffects {
  const type = action.type ?? "";
  const arbitrary = ARBITRARY_TYPES.has(type);
  if (READ_TYPES.has(type))
    return { readOnly: true, destructive: false, highBlast: false, arbitrary, basis: "read type" };
  if (REQUEST_TYPES.has(type) && statedMethod(action) === "GET")
    return { readOnly: true, destructive: false, highBlast: false, arbitrary, basis: "fixed GET" };
  if (vouched && !WRITE_TYPES.has(type))
    return { readOnly: true, destructive: false, highBlast: false, arbitrary, basis: "vouched" };
  const knownWrite = WRITE_TYPES.has(type);
  // A delete is destructive; so is anything whose effect Membrane does not state.
  const destructive = type === "delete-data-record" || !knownWrite;
  const words = `${action.key ?? ""} ${action.name}`;
  const highBlast = type === "delete-data-record" || SENDS_OR_DELETES.test(words);
  return { readOnly: false, destructive, highBlast, arbitrary, basis: knownWrite ? "write type" : "unknown" };
}
