/**
 * The one gate between an agent's `proxy_request` arguments and `membrane request`. Membrane attaches the
 * Customer.io credentials to whatever it is asked to fetch, so every part of the request is checked here
 * (method, path, query, headers, body) and what comes out is exactly what the CLI receives. A refusal is a
 * UserInputError whose message names the rule that was broken; nothing refused ever reaches the CLI.
 */
import { UserInputError } from "../errors.js";
import { type GuardedRequest, PROXY_METHODS, type ProxyMethod } from "../membrane/contract/raw-request.js";
import { checkHeaders, checkQuery } from "./proxy-params.js";
import { checkProxyPath } from "./proxy-path.js";
import { requestEffects } from "./request-effects.js";

export { type GuardedRequest, PROXY_METHODS } from "../membrane/contract/raw-request.js";
export {
  ALLOWED_HEADERS,
  ALLOWED_HEADERS_TEXT,
  deniedHeaderReason,
  deniedQueryReason,
  MAX_HEADERS,
  MAX_QUERY_PARAMS,
} from "./proxy-params.js";
export { MAX_PATH_LENGTH } from "./proxy-path.js";

/** Linux refuses a single command-line argument above 128 KiB; the body travels as `--data=<body>`. */
export const MAX_BODY_BYTES = 100_000;

export interface ProxyRequest {
  method: ProxyMethod;
  path: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  body?: unknown;
}

function checkMethod(method: unknown): ProxyMethod {
  if (typeof method !== "string" || !(PROXY_METHODS as readonly string[]).includes(method)) {
    throw new UserInputError(
      `Refused: the method must be one of ${PROXY_METHODS.join(", ")} (got ${JSON.stringify(method) ?? "nothing"})`,
      "Use an upper-case HTTP method from that list.",
    );
  }
  return method as ProxyMethod;
}

/** Read-only mode sends only what the one request decision (request-effects.ts) calls a read. */
export function refuseUnlessReads(method: string, path: string): void {
  if (!requestEffects(method, path).reads) {
    throw new UserInputError(
      `Refused: ${method} is not allowed because the server runs in read-only mode; only GET requests are sent`,
      "Ask the person who runs the server to start it without --read-only if changes are intended.",
    );
  }
}

function checkBody(method: ProxyMethod, body: unknown): { body?: string; bodyIsJson: boolean } {
  // A JSON null body is read as "no body", the way agents usually mean it.
  if (body === undefined || body === null) return { bodyIsJson: false };
  if (method === "GET") {
    throw new UserInputError(
      "Refused: a GET request cannot have a body",
      "Put GET parameters in `query`, or use POST if the endpoint expects a body.",
    );
  }
  let text: string | undefined;
  const isJson = typeof body !== "string";
  if (isJson) {
    try {
      text = JSON.stringify(body);
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      throw new UserInputError(
        "Refused: the body is not a JSON value",
        "Send a JSON object, array or string.",
      );
    }
  } else {
    text = body as string;
    // `--data=@file` makes curl-style clients send a local file (~/.membrane/credentials.json) instead.
    if (/^\s*@/.test(text)) {
      throw new UserInputError(
        'Refused: a string body cannot start with "@" (curl-style tools read it as a file to send)',
        "Send the body as a JSON object, or put another character first.",
      );
    }
  }
  if (text.includes("\u0000")) {
    throw new UserInputError(
      "Refused: the body contains a NUL character",
      "Remove it or send the body as JSON.",
    );
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_BODY_BYTES) {
    throw new UserInputError(
      `Refused: the body is ${bytes} bytes; the limit is ${MAX_BODY_BYTES} (it travels on the CLI's command line)`,
      "Send less data per request, for example in batches.",
    );
  }
  return { body: text, bodyIsJson: isJson };
}

/**
 * Checks a raw request against every rule and returns what may be sent, unchanged but normalized (query
 * values as strings, headers and query as ordered pairs, the body as text). Throws UserInputError otherwise.
 */
export function guardProxyRequest(request: ProxyRequest, options: { readOnly: boolean }): GuardedRequest {
  if (typeof request !== "object" || request === null) {
    throw new UserInputError("Refused: the request must be an object with method and path");
  }
  const method = checkMethod(request.method);
  if (options.readOnly) refuseUnlessReads(method, typeof request.path === "string" ? request.path : "");
  const path = checkProxyPath(request.path);
  const query = checkQuery(request.query);
  const headers = checkHeaders(request.headers);
  const { body, bodyIsJson } = checkBody(method, request.body);
  const guarded: GuardedRequest = { method, path, query, headers, bodyIsJson };
  if (body !== undefined) guarded.body = body;
  return guarded;
}
