/**
 * Table tests for the proxy guard: what passes unchanged, and for every refusal the rule its message names.
 * The encoding tricks are the ones path-traversal and request-smuggling write-ups use against proxies.
 */
import { describe, expect, it } from "vitest";
import { guardProxyRequest, type ProxyRequest } from "../../../src/guard/proxy-guard.js";
import { refusalOf } from "./refusal.js";

const rw = { readOnly: false };
const get = (path: string, extra: Partial<ProxyRequest> = {}): ProxyRequest => ({
  method: "GET",
  path,
  ...extra,
});

function refusal(request: unknown, options = rw): string {
  return refusalOf(() => guardProxyRequest(request as ProxyRequest, options), request);
}

describe("paths", () => {
  it.each([
    "/v1/customers",
    "/v1/customers/",
    "/",
    "/v1/customers/42/attributes",
    "/v1/customers/cio_03000001/attributes",
    "/v1/objects/1/a%20b",
    "/v1/customers/email%3Abob",
    "/v1/a..b/c.d/.well-known",
    "/v1/x;y=1/~z-_!$&'()*+,=:",
    "/v1/%E2%9C%93",
    "/v1/a%20b..",
    "/v1/..a",
  ])("accepts %s unchanged", (path) => {
    expect(guardProxyRequest(get(path), rw).path).toBe(path);
  });

  it.each([
    ["https://evil.example", 'must be relative to the Customer.io API and start with "/"'],
    ["http://api.customer.io/v1", 'start with "/"'],
    ["v1/customers", 'start with "/"'],
    ["evil.example/v1", 'start with "/"'],
    ["", "the path is empty"],
    ["-X", 'must not start with "-"'],
    ["--help", 'must not start with "-"'],
    ["//evil.example/v1", 'must not start with "//"'],
    ["/\\evil.example", "backslash"],
    ["/v1\\..\\admin", "backslash"],
    ["/v1/customers?limit=1", 'must not contain "?" or "#"'],
    ["/v1/customers#x", 'must not contain "?" or "#"'],
    ["/@evil.example", '"@"'],
    ["/v1/../admin", '"." or ".." segment'],
    ["/v1/./customers", '"." or ".." segment'],
    ["/v1/..", '"." or ".." segment'],
    ["/v1/..;/admin", '"." or ".." segment'],
    ["/v1/.;x/admin", '"." or ".." segment'],
    ["/v1/.../x", '"." or ".." segment'],
    ["/v1/%2e%2E/admin", 'decodes to "."'],
    ["/v1/%2E/admin", 'decodes to "."'],
    ["/v1/.%2e/admin", 'decodes to "."'],
    ["/v1/%252e%252e/admin", 'decodes to "%"'],
    ["/v1/%2F/admin", 'decodes to "/"'],
    ["/v1%2fcustomers", 'decodes to "/"'],
    ["/v1/%5c/admin", 'decodes to "\\\\"'],
    ["/v1/%5C", 'decodes to "\\\\"'],
    ["/v1/%00", "decodes to"],
    ["/v1/%0d%0aHost:%20evil", "decodes to"],
    ["/v1/%c0%ae%c0%ae/admin", "not valid UTF-8"],
    ["/v1/%e0%80%ae", "not valid UTF-8"],
    ["/v1/%ff", "not valid UTF-8"],
    ["/v1/%EF%BC%8E%EF%BC%8E/admin", 'decodes to "．"'],
    ["/v1/%E2%80%A5/admin", 'decodes to "‥"'],
    ["/v1/%EF%BC%8F", 'decodes to "／"'],
    ["/v1/%2", "not followed by two hex digits"],
    ["/v1/%zz", "not followed by two hex digits"],
    ["/v1/\u2025/admin", "non-ASCII character (U+2025)"],
    ["/v1/\uff0e\uff0e/admin", "non-ASCII character (U+FF0E)"],
    ["/v1/caf\u00e9", "non-ASCII character (U+00E9)"],
    ["/v1/\t/x", "control character (U+0009)"],
    ["/v1/\n", "control character (U+000A)"],
    ["/v1/\r\nHost: evil", "control character (U+000D)"],
    ["/v1/\u0000", "control character (U+0000)"],
    ["/v1/\u007f", "control character (U+007F)"],
    ["/v1/\u0085", "control character (U+0085)"],
    ["/v1/a b", '" ", which must be percent-encoded'],
    ["/v1/{id}", '"{", which must be percent-encoded'],
    ["/v1/<script>", '"<", which must be percent-encoded'],
    ["/v1//customers", 'empty segment ("//")'],
    ["/v1/customers//", 'empty segment ("//")'],
    [`/${"a".repeat(2048)}`, "the limit is 2048"],
    ["/..%3B/x", 'decodes to ";"'],
    ["/v1/..%3b/admin", 'decodes to ";"'],
    ["/v1/..%20", '"." or ".." segment (with spaces'],
    ["/v1/..%20/admin", '"." or ".." segment (with spaces'],
    ["/v1/%20..%20%20/admin", '"." or ".." segment (with spaces'],
    // Found by the read-only fuzzing in test/integration/request-attack.test.ts: spaces and parameters together.
    ["/%C2%A0.%20;;%20", '"." or ".." segment (with spaces'],
    ["/v1/..%20;x/admin", '"." or ".." segment (with spaces'],
    ["/v1/.%C2%A0/admin", '"." or ".." segment (with spaces'],
    ["/v1/customers%3Flimit=1", 'decodes to "?"'],
    ["/v1/customers%23x", 'decodes to "#"'],
    ["/v1/customers/email%3Abob%40example.com", 'decodes to "@"'],
    ["/v1/%3F%23", 'decodes to "?"'],
    ["/v1/a%E2%80%8Bb", "decodes to"],
    ["/v1/%E2%80%8C", "decodes to"],
    ["/v1/%E2%80%8D", "decodes to"],
    ["/v1/%E2%80%AE", "decodes to"],
    ["/v1/%E2%81%A6x", "decodes to"],
    ["/v1/%E2%80%8F", "decodes to"],
    ["/v1/%EF%BB%BF", "decodes to"],
    ["/v1/%E2%80%A8", "decodes to"],
    ["/v1/%C2%85", "decodes to"],
    ["/v1/a\u200bb", "non-ASCII character (U+200B)"],
    ["/v1/\u202eadmin", "non-ASCII character (U+202E)"],
    ["/v1/\ufeff", "non-ASCII character (U+FEFF)"],
  ])("refuses %j: %s", (path, rule) => {
    expect(refusal(get(path))).toContain(rule);
  });

  it("quotes the offending path in the message", () => {
    expect(refusal(get("https://evil.example"))).toBe(
      'Refused: the path must be relative to the Customer.io API and start with "/" (got "https://evil.example")',
    );
  });

  it("refuses a path that is not a string", () => {
    expect(refusal({ method: "GET", path: 42 })).toContain("the path must be a string");
  });
});

describe("methods", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"] as const)("accepts %s", (method) => {
    expect(guardProxyRequest({ method, path: "/v1/x" }, rw).method).toBe(method);
  });

  it.each(["get", "HEAD", "OPTIONS", "TRACE", "CONNECT", "", "GET ", undefined])("refuses %j", (method) => {
    expect(refusal({ method, path: "/v1/x" })).toContain(
      "the method must be one of GET, POST, PUT, PATCH, DELETE",
    );
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses %s in read-only mode, saying why", (method) => {
    const message = refusal({ method, path: "/v1/x" }, { readOnly: true });
    expect(message).toContain("read-only mode");
  });

  it("allows GET in read-only mode", () => {
    expect(guardProxyRequest(get("/v1/x"), { readOnly: true }).method).toBe("GET");
  });
});
