/**
 * Property tests for the proxy guard. Random and adversarial requests go through the guard into a fake CLI;
 * every request the fake receives is then checked against the rules by an independent oracle (WHATWG URL
 * parsing, decodeURIComponent, copies of the header allow-list and query deny-list from the issue), not by
 * the guard's own code.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserInputError } from "../../../src/errors.js";
import { type GuardedRequest, guardProxyRequest, type ProxyRequest } from "../../../src/guard/proxy-guard.js";

const BASE = "https://api.customer.io/v1";
const ORIGIN = "https://api.customer.io";
const ALLOWED = new Set(
  "accept accept-language content-type idempotency-key if-match if-none-match if-modified-since if-unmodified-since x-request-id".split(
    " ",
  ),
);
/** Query names folded to [a-z0-9] that the issue says must never go out. */
const DENIED_QUERY = new Set("method httpmethod xhttpmethodoverride apikey accesstoken token key".split(" "));
const DENIED = new Set(
  "authorization proxy-authorization cookie set-cookie host x-api-key api-key x-auth-token x-amz-security-token x-csrf-token content-length transfer-encoding connection te upgrade x-http-method-override x-forwarded-for x-forwarded-host forwarded x-original-host x-host true-client-ip via x-override-url x-original-method".split(
    " ",
  ),
);
const FRAGMENTS = [
  ..."/ / / . .. a v1 customers 42 %2e %2E %2f %2F %5c %5C %25 %252e %00 %0a %0D %41 %20 %40 %3F %3B %3b %23".split(
    " ",
  ),
  ..."%E2%80%8B %E2%80%AE %EF%BB%BF %E2%81%A6 %C2%A0 %09".split(" "),
  ..."%c0%ae %e2%80%a5 %ef%bc%8e %E2%9C%93 %ff %2 % \\ ? # @ : ; ;x - ~ = & { } // http: https://evil.example".split(
    " ",
  ),
  "\t",
  "\n",
  "\r",
  " ",
  "\u0000",
  "\u2025",
  "\uff0e",
  "\u00e9",
  "\ud83d\ude00",
  "\u200b",
  "\u202e",
  "\ufeff",
];

const fragmentPath = fc
  .tuple(
    fc.constantFrom("/", "/", "", "-", "//", "\\"),
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }),
  )
  .map(([start, parts]) => start + parts.join(""));
const anyPath = fc.oneof(
  fragmentPath,
  fc.string({ unit: "binary" }),
  fc.string({ unit: "binary-ascii" }).map((s) => `/${s}`),
  fc.string().map((s) => `/v1/${s}`),
);
const validPath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~!$&'()*+,;=:-]{0,10}$|^%(?:41|3[aA]|20|E2%9C%93)$/), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((segments) => fc.constantFrom(`/${segments.join("/")}`, `/${segments.join("/")}/`));

const randomCase = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((flags) =>
      [...name].map((char, i) => (flags[i] ? char.toUpperCase() : char.toLowerCase())).join(""),
    );
const headerName = fc.oneof(
  fc.constantFrom(...DENIED, "proxy-foo", "x-note").chain(randomCase),
  { arbitrary: fc.constantFrom(...ALLOWED).chain(randomCase), weight: 4 },
  fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,16}$/),
  fc.string({ unit: "binary-ascii", maxLength: 12 }),
);
const text = fc.oneof(
  { arbitrary: fc.string(), weight: 4 },
  fc.string({ unit: "binary-ascii" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom("a\r\nHost: evil.example", "x\u0000", "\ud800", "tab\there"),
);
const queryName = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    ..."_method _METHOD method X-HTTP-Method-Override api_key apiKey access_token token key Key".split(" "),
  ),
);
const queryValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean());

/** Independent statement of the path rules. */
function assertSafePath(path: string): void {
  expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
  expect(path.length).toBeLessThanOrEqual(2048);
  expect(path).toMatch(/^[\x21-\x7e]+$/);
  expect(path).not.toMatch(/[\\?#@]/);
  const relative = new URL(path, `${BASE}/`);
  expect(relative.origin).toBe(ORIGIN);
  expect(relative.pathname).toBe(path);
  const joined = new URL(BASE + path);
  expect(joined.origin).toBe(ORIGIN);
  expect(joined.username + joined.password + joined.search + joined.hash).toBe("");
  expect(joined.pathname).toBe(`/v1${path}`);
  const segments = path.split("/").slice(1);
  segments.forEach((segment, i) => {
    if (i < segments.length - 1) expect(segment).not.toBe("");
    const decoded = decodeURIComponent(segment).normalize("NFKC");
    expect(decoded.split(";")[0]?.trim()).not.toMatch(/^\.+$/);
    // Only a raw ";" (a path parameter) may be in the path, never an encoded one.
    expect(decoded.split(";").length).toBe(segment.split(";").length);
    expect(decoded).not.toMatch(
      /[/\\%?#@\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u2028\u2029]/,
    );
  });
}

function assertSafeRequest(sent: GuardedRequest, request: ProxyRequest, readOnly: boolean): void {
  assertSafePath(sent.path);
  expect(sent.path).toBe(request.path);
  if (readOnly) expect(sent.method).toBe("GET");
  if (sent.body !== undefined) expect(sent.method).not.toBe("GET");
  expect(sent.headers.length).toBeLessThanOrEqual(50);
  for (const [name, value] of sent.headers) {
    expect(name).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
    expect(ALLOWED.has(name.toLowerCase())).toBe(true);
    expect(value).not.toMatch(/[\r\n\u0000]/);
    expect(value).toBe(request.headers?.[name]);
  }
  expect(sent.query.length).toBeLessThanOrEqual(100);
  for (const [key, value] of sent.query) {
    expect(`${key}${value}`).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(key).not.toContain("=");
    let decodedKey = key;
    try {
      decodedKey = decodeURIComponent(key);
    } catch {}
    expect(DENIED_QUERY.has(decodedKey.toLowerCase().replace(/[^a-z0-9]/g, ""))).toBe(false);
    expect(() => encodeURIComponent(key + value)).not.toThrow();
    expect(value).toBe(String(request.query?.[key]));
  }
}

/** The fake CLI: the guard's output is all it ever sees. Any error but a UserInputError is a bug. */
function send(request: ProxyRequest, readOnly: boolean): GuardedRequest | undefined {
  try {
    return guardProxyRequest(request, { readOnly });
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    expect(error.message).toMatch(/^Refused: /);
    return undefined;
  }
}

const runs = { numRuns: 2000 };

describe("guardProxyRequest (properties)", () => {
  it("lets through only paths that stay on the Customer.io API, byte for byte", () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyPath, (path) => {
        const sent = send({ method: "GET", path }, false);
        if (sent) assertSafePath(sent.path);
        if (sent) accepted++;
      }),
      { numRuns: 10_000 },
    );
    // The generator must reach both sides of the rules, or the property says nothing.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(9_000);
  });

  it("accepts every plain relative path", () => {
    fc.assert(
      fc.property(validPath, (path) => {
        expect(send({ method: "GET", path }, false)?.path).toBe(path);
      }),
      runs,
    );
  });

  it("never sends a request that breaks a rule", () => {
    const request = fc.record(
      {
        method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "get", "HEAD"),
        path: fc.oneof({ arbitrary: validPath, weight: 3 }, anyPath),
        headers: fc.dictionary(headerName, text, { maxKeys: 4 }),
        query: fc.dictionary(queryName, queryValue, {
          maxKeys: 4,
        }),
        body: fc.oneof(
          fc.constant(undefined),
          fc.string(),
          fc.jsonValue(),
          fc.constantFrom("@~/.membrane/credentials.json", " @/etc/passwd"),
        ),
      },
      { requiredKeys: ["method", "path"] },
    );
    let withHeaders = 0;
    let withQuery = 0;
    fc.assert(
      fc.property(request, fc.boolean(), (req, readOnly) => {
        const sent = send(req as ProxyRequest, readOnly);
        if (sent) assertSafeRequest(sent, req as ProxyRequest, readOnly);
        if (sent && sent.headers.length > 0) withHeaders++;
        if (sent && sent.query.length > 0) withQuery++;
      }),
      { numRuns: 5_000 },
    );
    expect(withHeaders).toBeGreaterThan(20);
    expect(withQuery).toBeGreaterThan(20);
  });
});
