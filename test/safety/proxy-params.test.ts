/**
 * Table tests for the headers, query and body of `proxy_request`: ordinary values pass byte for byte, and
 * every refusal names its rule (headers outside the allow-list, CR/LF smuggling, method overrides and
 * credential names in the query, bad query values, `@file` bodies).
 */
import { describe, expect, it } from "vitest";
import { UserInputError } from "../../src/errors.js";
import { guardProxyRequest, type ProxyRequest } from "../../src/safety/proxy-guard.js";

const rw = { readOnly: false };

function refusal(request: Partial<ProxyRequest> & Record<string, unknown>): string {
  try {
    guardProxyRequest({ method: "GET", path: "/v1/x", ...request } as ProxyRequest, rw);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${JSON.stringify(request)}`);
}

describe("headers", () => {
  it("passes ordinary headers in order, unchanged", () => {
    const headers = { Accept: "application/json", "X-Request-Id": "abc\tdef", "If-None-Match": 'W/"1"' };
    expect(guardProxyRequest({ method: "GET", path: "/v1/x", headers }, rw).headers).toEqual(
      Object.entries(headers),
    );
  });

  it.each([
    ["Authorization", "Membrane adds the credentials"],
    ["authorization", "cannot be set by the agent"],
    ["AUTHORIZATION", "cannot be set by the agent"],
    ["Proxy-Authorization", "cannot be set by the agent"],
    ["proxy-foo", "Proxy-* headers"],
    ["Proxy-Connection", "Proxy-* headers"],
    ["Cookie", "carries credentials"],
    ["Set-Cookie", "carries credentials"],
    ["HOST", "which server the request reaches"],
    ["Host", "which server the request reaches"],
    ["X-Api-Key", "carries credentials"],
    ["api-key", "carries credentials"],
    ["X-Auth-Token", "carries credentials"],
    ["X-Amz-Security-Token", "carries credentials"],
    ["X-CSRF-Token", "carries credentials"],
    ["X-Customerio-Secret", "looks like it carries credentials"],
    ["X-Session", "looks like it carries credentials"],
    ["Content-Length", "splits requests"],
    ["Transfer-Encoding", "splits requests"],
    ["Connection", "hop-by-hop"],
    ["TE", "hop-by-hop"],
    ["Upgrade", "hop-by-hop"],
    ["X-HTTP-Method-Override", "change the method"],
    ["X-Forwarded-Host", "another origin"],
    ["X-Original-URL", "rewrite the path"],
    ["Bad Name", "not an HTTP token"],
    ["Host:", "not an HTTP token"],
    ["X-A:b", "not an HTTP token"],
    ["", "not an HTTP token"],
    ["X-\u00e9", "not an HTTP token"],
    ["X-A\r\nHost", "not an HTTP token"],
    ["X-Forwarded-For", "another origin"],
    ["Forwarded-For", "not on the list"],
    ["Forwarded", "another origin"],
    ["X-Original-Host", "not on the list"],
    ["X-Host", "not on the list"],
    ["True-Client-IP", "not on the list"],
    ["Via", "not on the list"],
    ["X-Override-URL", "not on the list"],
    ["X-Original-Method", "not on the list"],
    ["X-Rewrite-URL", "rewrite the path"],
    ["X-Real-IP", "another origin"],
    ["X-Note", "not on the list"],
    ["User-Agent", "not on the list"],
  ])("refuses the header name %j (%s)", (name, rule) => {
    expect(refusal({ headers: { [name]: "x" } })).toContain(rule);
  });

  it("lists the headers that are allowed when it refuses one", () => {
    const message = refusal({ headers: { "X-Forwarded-Host": "evil.example" } });
    for (const name of ["Accept", "Content-Type", "Idempotency-Key", "If-None-Match"]) {
      expect(message).toContain(name);
    }
  });

  it.each([
    "Accept",
    "accept-language",
    "Content-Type",
    "Idempotency-Key",
    "If-Match",
    "If-None-Match",
    "If-Modified-Since",
    "If-Unmodified-Since",
    "X-Request-Id",
  ])("accepts the header %s", (name) => {
    expect(guardProxyRequest({ method: "GET", path: "/v1/x", headers: { [name]: "v" } }, rw).headers).toEqual(
      [[name, "v"]],
    );
  });

  it.each([
    ["a\r\nHost: evil.example", "contains CR or LF"],
    ["a\nb", "contains CR or LF"],
    ["a\rb", "contains CR or LF"],
    ["a\u0000b", "control character"],
    ["a\u007fb", "control character"],
    ["\u2028", "outside Latin-1"],
    ["x".repeat(8193), "longer than 8192"],
  ])("refuses the header value %j (%s)", (value, rule) => {
    expect(refusal({ headers: { "X-Request-Id": value } })).toContain(rule);
  });

  it("refuses a non-string value, a duplicate name and too many headers", () => {
    expect(refusal({ headers: { Accept: 1 as unknown as string } })).toContain("must be a string");
    expect(refusal({ headers: { Accept: "a", accept: "b" } })).toContain("given twice");
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`X-H${i}`, "v"]));
    expect(refusal({ headers: many })).toContain("the limit is 50");
    expect(refusal({ headers: [] as unknown as Record<string, string> })).toContain(
      "headers must be an object",
    );
  });
});

describe("query", () => {
  it("turns numbers and booleans into strings and keeps the order", () => {
    const query = { limit: 10, email: "a@b.co", start: "x&y=z", deleted: false, ratio: 0.5, "a[b]": "é🙂" };
    expect(guardProxyRequest({ method: "GET", path: "/v1/x", query }, rw).query).toEqual([
      ["limit", "10"],
      ["email", "a@b.co"],
      ["start", "x&y=z"],
      ["deleted", "false"],
      ["ratio", "0.5"],
      ["a[b]", "é🙂"],
    ]);
  });

  it.each([
    [{ "": "x" }, "empty name"],
    [{ "a\nb": "x" }, 'name "a\\nb" contains a control character'],
    [{ "a=b": "x" }, 'contains "="'],
    [{ a: "x\u0000" }, "contains a control character"],
    [{ a: "x\r\ny" }, "contains a control character"],
    [{ a: "x\ty" }, "contains a control character"],
    [{ a: "\ud800" }, "not well-formed Unicode"],
    [{ "\udc00": "x" }, "not well-formed Unicode"],
    [{ a: Number.NaN }, "finite number"],
    [{ a: Number.POSITIVE_INFINITY }, "finite number"],
    [{ a: null }, "must be a string, a finite number or a boolean"],
    [{ a: { b: 1 } }, "must be a string, a finite number or a boolean"],
    [{ a: ["x"] }, "must be a string, a finite number or a boolean"],
    [{ _method: "DELETE" }, "change the method"],
    [{ _METHOD: "DELETE" }, "change the method"],
    [{ "_%6Dethod": "DELETE" }, "change the method"],
    [{ method: "DELETE" }, "change the method"],
    [{ "X-HTTP-Method-Override": "DELETE" }, "change the method"],
    [{ _HttpMethod: "DELETE" }, "change the method"],
    [{ api_key: "k" }, "carries credentials"],
    [{ "api_key[]": "k" }, "carries credentials"],
    [{ apiKey: "k" }, "carries credentials"],
    [{ access_token: "t" }, "carries credentials"],
    [{ token: "t" }, "carries credentials"],
    [{ key: "k" }, "carries credentials"],
    [{ Key: "k" }, "carries credentials"],
    [{ refresh_token: "t" }, "carries credentials"],
    [{ client_secret: "s" }, "carries credentials"],
    [{ password: "p" }, "carries credentials"],
  ])("refuses %j (%s)", (query, rule) => {
    expect(refusal({ query: query as Record<string, string> })).toContain(rule);
  });

  it("refuses more than 100 parameters and a query that is not an object", () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]));
    expect(refusal({ query: many })).toContain("the limit is 100");
    expect(refusal({ query: "a=b" as unknown as Record<string, string> })).toContain(
      "query must be an object",
    );
  });
});

describe("body", () => {
  const post = (body: unknown) => guardProxyRequest({ method: "POST", path: "/v1/x", body }, rw);

  it("sends a string as is and anything else as JSON", () => {
    expect(post("a=b&c=d")).toMatchObject({ body: "a=b&c=d", bodyIsJson: false });
    expect(post({ a: [1, "x"] })).toMatchObject({ body: '{"a":[1,"x"]}', bodyIsJson: true });
    expect(post(0)).toMatchObject({ body: "0", bodyIsJson: true });
    expect(post(false)).toMatchObject({ body: "false", bodyIsJson: true });
    expect(post(undefined)).toEqual({
      method: "POST",
      path: "/v1/x",
      query: [],
      headers: [],
      bodyIsJson: false,
    });
    expect(post(null)).not.toHaveProperty("body");
  });

  it("refuses a body with GET, a NUL, a value that is not JSON, and a body over the limit", () => {
    expect(refusal({ body: { a: 1 } })).toContain("a GET request cannot have a body");
    expect(refusal({ body: "" })).toContain("a GET request cannot have a body");
    expect(refusal({ method: "POST", body: "a\u0000b" })).toContain("NUL");
    expect(refusal({ method: "POST", body: { n: 1n } })).toContain("not a JSON value");
    expect(refusal({ method: "POST", body: () => 1 })).toContain("not a JSON value");
    expect(refusal({ method: "POST", body: "x".repeat(100_001) })).toContain("the limit is 100000");
  });

  it.each(["@~/.membrane/credentials.json", "@/etc/passwd", " @x", "\n@x", "@-"])(
    "refuses the string body %j (curl-style tools read it as a file)",
    (body) => {
      expect(refusal({ method: "POST", body })).toContain('cannot start with "@"');
    },
  );

  it('sends "@" inside a string body or inside JSON', () => {
    expect(post("a@b.co")).toMatchObject({ body: "a@b.co" });
    expect(post({ file: "@x" })).toMatchObject({ body: '{"file":"@x"}' });
  });
});
