/**
 * Membrane's generic request actions ("Make API Request", types api-request-to-external-app, api-request
 * and api-request-to-your-app) take a method, a path, a query, headers and a body, and Membrane sends them
 * with the connection's credentials, a full URL included. So their input goes through exactly the same
 * guard as `proxy_request`, in every mode. The field names vary between Membrane's schemas (`path`, `url` or
 * `uri`; `body` or `data`), so they are read tolerantly; any other field could change the request in a way
 * the guard cannot check, and is refused (fail safe). When the action's record fixes the method, that is
 * the method: an input field `method` is then the action's own (e.g. a delivery method), never the HTTP one.
 */
import { UserInputError } from "../errors.js";
import { API_REQUEST_TYPES, fixedRequestTarget, REQUEST_TYPES } from "../membrane/contract/action-types.js";
import { guardProxyRequest, type ProxyRequest } from "./proxy-guard.js";
import { show } from "./proxy-path.js";
import { type RequestEffects, requestEffects } from "./request-effects.js";

const PATH_FIELDS = ["path", "url", "uri"] as const;
const BODY_FIELDS = ["body", "data"] as const;
const KNOWN_FIELDS = new Set<string>(["method", "query", "headers", ...PATH_FIELDS, ...BODY_FIELDS]);
const HINT =
  'Give {"method", "path", "query"?, "headers"?, "body"?} with a path relative to the Customer.io API, as for proxy_request.';

export function isRequestActionType(type: string | undefined): boolean {
  return type !== undefined && API_REQUEST_TYPES.has(type);
}

/** The one field of `names` that is present; refuses two at once (which one Membrane would use is unknown). */
function pick(input: Record<string, unknown>, names: readonly string[]): string | undefined {
  const present = names.filter((name) => Object.hasOwn(input, name) && input[name] !== undefined);
  if (present.length > 1) {
    throw new UserInputError(
      `Refused: the request has both ${present.map((name) => `"${name}"`).join(" and ")}; give only one`,
      HINT,
    );
  }
  return present[0];
}

/**
 * Checks a request action's input with the proxy guard and returns what the action receives: the input as
 * given, with the method written out (GET when absent, as Membrane defaults) so that what is checked is
 * what runs. In read-only mode an action whose method is neither in its input nor a GET fixed by its
 * record (`takesMethod: false`) is refused. Throws UserInputError, naming the rule, when any part would be
 * refused by proxy_request.
 */
export function guardRequestActionInput(
  input: Record<string, unknown>,
  options: { readOnly: boolean; takesMethod?: boolean; fixedMethod?: string | undefined },
): Record<string, unknown> {
  if (options.readOnly && options.takesMethod === false && options.fixedMethod === undefined) {
    throw new UserInputError(
      "Refused: this request action takes no method, so its own configuration decides it and the server cannot make sure it only reads; this server runs in read-only mode",
      "Use proxy_request with GET, or ask the person to restart the server without --read-only.",
    );
  }
  for (const name of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(name)) {
      throw new UserInputError(
        `Refused: the request action's input has a field ${show(name)} that the request guard cannot check`,
        HINT,
      );
    }
  }
  const pathField = pick(input, PATH_FIELDS);
  const bodyField = pick(input, BODY_FIELDS);
  if (pathField === undefined) {
    throw new UserInputError('Refused: the request has no "path"', HINT);
  }
  const method = options.fixedMethod ?? (input["method"] === undefined ? "GET" : input["method"]);
  const request: ProxyRequest = {
    method: method as ProxyRequest["method"],
    path: input[pathField] as string,
  };
  if (input["query"] !== undefined) request.query = input["query"] as ProxyRequest["query"];
  if (input["headers"] !== undefined) request.headers = input["headers"] as ProxyRequest["headers"];
  if (bodyField !== undefined) request.body = input[bodyField];
  guardProxyRequest(request, { readOnly: options.readOnly });
  return options.fixedMethod !== undefined ? input : { ...input, method };
}

/**
 * What a call of a request action (api-request types and http-request) would send, judged by the one
 * decision proxy_request uses (requestEffects): the record's fixed method and path first, else the input's
 * (a generic request action defaults to GET, as Membrane does). Undefined for other actions, or when the
 * method cannot be known (the action's effects then decide).
 */
export function requestActionEffects(
  action: Readonly<Record<string, unknown>> & { type?: string | undefined },
  input: Record<string, unknown>,
): RequestEffects | undefined {
  const type = action.type;
  if (type === undefined || !REQUEST_TYPES.has(type)) return undefined;
  const fixed = fixedRequestTarget(action);
  const inputMethod = typeof input["method"] === "string" ? input["method"] : undefined;
  const method = fixed.method ?? inputMethod ?? (API_REQUEST_TYPES.has(type) ? "GET" : undefined);
  if (method === undefined) return undefined;
  const inputPath = PATH_FIELDS.map((name) => input[name]).find((value) => typeof value === "string");
  return requestEffects(method, fixed.path ?? (inputPath as string | undefined) ?? "");
}
