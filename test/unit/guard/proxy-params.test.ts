/**
 * Table tests for the query and body of `proxy_request` (headers: proxy-headers.test.ts): ordinary values
 * pass byte for byte, and every refusal names its rule (method overrides and credential names in the query,
 * bad query values, `@file` bodies).
 */
import { describe, expect, it } from "vitest";
import { guardProxyRequest, type ProxyRequest } from "../../../src/guard/proxy-guard.js";
import { refusalOf } from "./refusal.js";

const rw = { readOnly: false };

function refusal(request: Partial<ProxyRequest> & Record<string, unknown>): string {
  return refusalOf(
    () => guardProxyRequest({ method: "GET", path: "/v1/x", ...request } as ProxyRequest, rw),
    request,
  );
}

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
