/**
 * Table tests for the headers of `proxy_request`: an allow-list of what a Customer.io API call needs, so
 * credential, forwarding, override and hop-by-hop headers are refused with the list of what is allowed, and
 * allowed values still may not smuggle a second header (CR/LF) or exceed what HTTP carries.
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
