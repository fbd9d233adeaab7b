/**
 * What Membrane's action `type` values mean, from the ACTIONS table of `@membranehq/sdk`: the one place the
 * server reads them from (effects in catalog/, the request guard in guard/). `isReadOnly` on an action is
 * not among them: it says the action's definition cannot be edited, nothing about running it.
 */

/** Import types (direction IMPORT): they read. */
export const READ_TYPES: ReadonlySet<string> = new Set([
  "list-data-records",
  "find-data-record-by-id",
  "match-data-record",
  "search-data-record",
]);
/** Export types: they write by definition. */
export const WRITE_TYPES: ReadonlySet<string> = new Set([
  "create-data-record",
  "find-or-create-data-record",
  "update-data-record",
  "delete-data-record",
]);
/** An arbitrary HTTP request to any endpoint, or custom code. */
export const ARBITRARY_TYPES: ReadonlySet<string> = new Set(["http-request", "run-javascript"]);
/** Generic requests to the connected app's API, with the connection's credentials: proxy_request's rules. */
export const API_REQUEST_TYPES: ReadonlySet<string> = new Set([
  "api-request-to-external-app",
  "api-request-to-your-app",
  "api-request",
]);
/** Types that send one HTTP request, whose record may state the method. */
export const REQUEST_TYPES: ReadonlySet<string> = new Set([...API_REQUEST_TYPES, "http-request"]);

/** Whether an action's inputSchema has a `method` property: if not, the action's own config decides it. */
export function inputTakesMethod(inputSchema: unknown): boolean {
  if (typeof inputSchema !== "object" || inputSchema === null) return false;
  const properties = (inputSchema as { properties?: unknown }).properties;
  return typeof properties === "object" && properties !== null && Object.hasOwn(properties, "method");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fixedText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/**
 * What an action's record fixes of the HTTP request it sends, as plain text: `config.request.method` or
 * `config.method` (the SDK's HttpRequestSpec), and its `path`, `url` or `uri`. A formula (e.g.
 * `{"$var": "$.input.method"}`) or nothing at all is not fixed: the input decides it.
 */
export function fixedRequestTarget(action: Readonly<Record<string, unknown>>): {
  method?: string;
  path?: string;
} {
  const config = action["config"];
  if (!isObject(config)) return {};
  const request = isObject(config["request"]) ? config["request"] : config;
  const rawMethod = request["method"] !== undefined ? request["method"] : config["method"];
  const method = fixedText(rawMethod)?.toUpperCase();
  const path = ["path", "url", "uri"].map((field) => fixedText(request[field])).find(Boolean);
  const target: { method?: string; path?: string } = {};
  if (method !== undefined) target.method = method;
  if (path !== undefined) target.path = path;
  return target;
}
