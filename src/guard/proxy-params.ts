/**
 * The header and query rules of `proxy_request` (and of Membrane's generic request actions). Membrane adds
 * the connection's credentials itself; an agent that could set `Authorization`, `Cookie` or `Host`, forward
 * the request elsewhere (`X-Forwarded-*`, `X-Original-Host`, `Via`...) or smuggle a second header through a
 * CR/LF could replace or redirect them. So headers are an allow-list of what a Customer.io API call needs.
 * Method overrides are refused in headers and in the query (`_method=DELETE` would turn an allowed GET into
 * a DELETE behind the read-only switch), and so are credential-like query names. Each value goes to the CLI
 * as one `--header=Name: value` or `--query=k=v` argument, so it must be text the CLI cannot split.
 */
import { UserInputError } from "../errors.js";
import { isRecord as isPlainRecord } from "../is-record.js";
import { show } from "./proxy-path.js";

export const MAX_HEADERS = 50;
export const MAX_QUERY_PARAMS = 100;
const MAX_HEADER_VALUE_LENGTH = 8192;

/** RFC 9110 token characters. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Control characters other than horizontal tab, which HTTP allows in a field value. */
const VALUE_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const DENIED: Record<string, string> = {
  authorization: "Membrane adds the credentials",
  "proxy-authorization": "Membrane adds the credentials",
  cookie: "it carries credentials",
  "set-cookie": "it carries credentials",
  host: "it decides which server the request reaches",
  "x-api-key": "it carries credentials",
  "api-key": "it carries credentials",
  "x-auth-token": "it carries credentials",
  "x-amz-security-token": "it carries credentials",
  "x-csrf-token": "it carries credentials",
  "content-length": "the HTTP client computes it; a wrong one splits requests",
  "transfer-encoding": "the HTTP client sets it; a wrong one splits requests",
  connection: "it is a hop-by-hop header the HTTP client manages",
  "keep-alive": "it is a hop-by-hop header the HTTP client manages",
  te: "it is a hop-by-hop header the HTTP client manages",
  trailer: "it is a hop-by-hop header the HTTP client manages",
  upgrade: "it is a hop-by-hop header the HTTP client manages",
  expect: "it is a hop-by-hop header the HTTP client manages",
  forwarded: "it can make the API see another origin",
  "x-real-ip": "it can make the API see another origin",
  "x-original-url": "it can rewrite the path past these checks",
  "x-rewrite-url": "it can rewrite the path past these checks",
  "x-http-method-override": "it can change the method past the method checks",
  "x-http-method": "it can change the method past the method checks",
  "x-method-override": "it can change the method past the method checks",
};
/** Any other name that looks like it carries a credential. */
const CREDENTIAL_NAME = /auth|token|secret|passw|api[-_]?key|cookie|session|credential/;

/** The only headers an agent may set (names ignore case): everything a Customer.io API call needs. */
export const ALLOWED_HEADERS = [
  "Accept",
  "Accept-Language",
  "Content-Type",
  "Idempotency-Key",
  "If-Match",
  "If-None-Match",
  "If-Modified-Since",
  "If-Unmodified-Since",
  "X-Request-Id",
] as const;
const ALLOWED = new Set<string>(ALLOWED_HEADERS.map((name) => name.toLowerCase()));
export const ALLOWED_HEADERS_TEXT = ALLOWED_HEADERS.join(", ");
const ALLOWED_TEXT = ALLOWED_HEADERS_TEXT;

/**
 * Query names, folded to lower-case letters and digits (so `_method`, `X-HTTP-Method` and `api_key[]` are
 * caught), that override the method or carry a credential.
 */
const METHOD_OVERRIDE_QUERY = /^(?:x?httpmethod(?:override)?|method(?:override)?)$/;
const CREDENTIAL_QUERY =
  /^(?:key|auth|sig|signature|code)$|apikey|accesskey|secretkey|privatekey|token|secret|passw|credential|session|authoriz|cookie/;

const HEADER_HINT = `Leave credentials and routing to Membrane; set only ${ALLOWED_TEXT}.`;
const QUERY_HINT = 'Pass query parameters as {"name": "value"} with string, number or boolean values.';

/** Why a header name may not be set by the agent, or undefined when it may. */
export function deniedHeaderReason(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (ALLOWED.has(lower)) return undefined;
  const allowed = `only ${ALLOWED_TEXT} can be set`;
  if (Object.hasOwn(DENIED, lower)) return `${DENIED[lower]}; ${allowed}`;
  if (lower.startsWith("proxy-"))
    return `Proxy-* headers are for the HTTP client and carry proxy credentials; ${allowed}`;
  if (lower.startsWith("x-forwarded-")) return `it can make the API see another origin; ${allowed}`;
  if (CREDENTIAL_NAME.test(lower))
    return `it looks like it carries credentials, which Membrane adds; ${allowed}`;
  return `it is not on the list of headers a Customer.io API call needs: ${allowed}`;
}

/** Why a query parameter name may not be sent, or undefined when it may. */
export function deniedQueryReason(key: string): string | undefined {
  let decoded = key;
  try {
    decoded = decodeURIComponent(key);
  } catch {
    // Not percent-encoded text: checked as it is.
  }
  const folded = decoded.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (METHOD_OVERRIDE_QUERY.test(folded)) return "it can change the method past the method checks";
  if (CREDENTIAL_QUERY.test(folded)) return "it looks like it carries credentials, which Membrane adds";
  return undefined;
}

export function checkHeaders(headers: unknown): Array<[string, string]> {
  if (headers === undefined) return [];
  const refuse = (rule: string): never => {
    throw new UserInputError(`Refused: ${rule}`, HEADER_HINT);
  };
  if (!isPlainRecord(headers)) return refuse('headers must be an object of {"Name": "value"}');
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS) refuse(`${entries.length} headers; the limit is ${MAX_HEADERS}`);
  const seen = new Set<string>();
  return entries.map(([name, value]): [string, string] => {
    if (!TOKEN.test(name)) {
      refuse(
        `the header name ${show(name)} is not an HTTP token (letters, digits and !#$%&'*+-.^_\`|~ only)`,
      );
    }
    const reason = deniedHeaderReason(name);
    if (reason) refuse(`the header ${show(name)} cannot be set by the agent: ${reason}`);
    if (seen.has(name.toLowerCase())) refuse(`the header ${show(name)} is given twice (names ignore case)`);
    seen.add(name.toLowerCase());
    if (typeof value !== "string") refuse(`the value of header ${show(name)} must be a string`);
    const text = value as string;
    if (/[\r\n]/.test(text)) refuse(`the value of header ${show(name)} contains CR or LF`);
    if (VALUE_CONTROL.test(text)) refuse(`the value of header ${show(name)} contains a control character`);
    if (/[^\u0000-\u00ff]/.test(text)) {
      refuse(`the value of header ${show(name)} has a character outside Latin-1, which HTTP cannot carry`);
    }
    if (text.length > MAX_HEADER_VALUE_LENGTH) {
      refuse(`the value of header ${show(name)} is longer than ${MAX_HEADER_VALUE_LENGTH} characters`);
    }
    return [name, text];
  });
}

export function checkQuery(query: unknown): Array<[string, string]> {
  if (query === undefined) return [];
  const refuse = (rule: string): never => {
    throw new UserInputError(`Refused: ${rule}`, QUERY_HINT);
  };
  if (!isPlainRecord(query)) return refuse('query must be an object of {"name": "value"}');
  const entries = Object.entries(query);
  if (entries.length > MAX_QUERY_PARAMS)
    refuse(`${entries.length} query parameters; the limit is ${MAX_QUERY_PARAMS}`);
  return entries.map(([key, raw]): [string, string] => {
    if (key === "") refuse("a query parameter has an empty name");
    if (CONTROL.test(key)) refuse(`the query parameter name ${show(key)} contains a control character`);
    if (LONE_SURROGATE.test(key)) refuse(`the query parameter name ${show(key)} is not well-formed Unicode`);
    if (key.includes("=")) refuse(`the query parameter name ${show(key)} contains "=" (the CLI takes k=v)`);
    const denied = deniedQueryReason(key);
    if (denied) refuse(`the query parameter ${show(key)} cannot be set by the agent: ${denied}`);
    let value: string;
    if (typeof raw === "string") value = raw;
    else if (typeof raw === "boolean") value = String(raw);
    else if (typeof raw === "number" && Number.isFinite(raw)) value = String(raw);
    else return refuse(`the query parameter ${show(key)} must be a string, a finite number or a boolean`);
    if (CONTROL.test(value)) refuse(`the value of query parameter ${show(key)} contains a control character`);
    if (LONE_SURROGATE.test(value))
      refuse(`the value of query parameter ${show(key)} is not well-formed Unicode`);
    return [key, value];
  });
}
