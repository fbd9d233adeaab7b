/**
 * Table tests for the guard on Membrane's generic request actions: the same rules as proxy_request whatever
 * the input's field names (path/url/uri, body/data), the method written out, GET alone in read-only mode,
 * and a refusal for any field the guard cannot check.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserInputError } from "../../../src/errors.js";
import { guardProxyRequest, type ProxyRequest } from "../../../src/guard/proxy-guard.js";
import { guardRequestActionInput, isRequestActionType } from "../../../src/guard/request-action-guard.js";
import { inputTakesMethod as schemaTakesMethod } from "../../../src/membrane/contract/action-types.js";
import { refusalOf } from "./refusal.js";

const rw = { readOnly: false };
const ro = { readOnly: true };

function refusal(
  input: Record<string, unknown>,
  options: { readOnly: boolean; takesMethod?: boolean } = rw,
): string {
  return refusalOf(() => guardRequestActionInput(input, options), input);
}

describe("isRequestActionType", () => {
  it.each([
    ["api-request-to-external-app", true],
    ["api-request-to-your-app", true],
    ["api-request", true],
    ["list-data-records", false],
    ["connector-operation", false],
    [undefined, false],
  ])("%s -> %s", (type, expected) => {
    expect(isRequestActionType(type)).toBe(expected);
  });
});

describe("guardRequestActionInput", () => {
  it("passes a plain request unchanged, writing out the method", () => {
    const input = { path: "/v1/segments", query: { limit: "5" }, headers: { Accept: "application/json" } };
    expect(guardRequestActionInput(input, ro)).toEqual({ ...input, method: "GET" });
    const post = { method: "POST", url: "/v1/customers/1/attributes", data: { a: 1 } };
    expect(guardRequestActionInput(post, rw)).toEqual(post);
    expect(guardRequestActionInput({ method: "DELETE", uri: "/v1/customers/1" }, rw)).toEqual({
      method: "DELETE",
      uri: "/v1/customers/1",
    });
  });

  it.each([
    [{ path: "https://evil.example/steal" }, 'start with "/"'],
    [{ path: "//evil.example/steal" }, 'must not start with "//"'],
    [{ path: "/v1/../../admin" }, '"." or ".." segment'],
    [{ url: "https://evil.example/steal" }, 'start with "/"'],
    [{ uri: "//evil.example/steal" }, 'must not start with "//"'],
    [{ path: "/..%3B/x" }, 'decodes to ";"'],
    [{ path: "/v1/..%20" }, "with spaces"],
    [{ path: "/v1/a%E2%80%8Bb" }, "decodes to"],
    [{ path: "/v1/x%3F" }, 'decodes to "?"'],
    [{ path: "/v1/x%40evil" }, 'decodes to "@"'],
    [{ path: "/v1/x", headers: { "X-Forwarded-Host": "evil.example" } }, "cannot be set by the agent"],
    [{ path: "/v1/x", headers: { Authorization: "Bearer x" } }, "cannot be set by the agent"],
    [{ path: "/v1/x", query: { _method: "DELETE" } }, "change the method"],
    [{ path: "/v1/x", query: { api_key: "k" } }, "carries credentials"],
    [{ path: "/v1/x", query: { v: { nested: 1 } } }, "must be a string"],
    [{ method: "POST", path: "/v1/x", body: "@~/.membrane/credentials.json" }, 'cannot start with "@"'],
    [{ method: "POST", path: "/v1/x", data: "@~/.membrane/credentials.json" }, 'cannot start with "@"'],
    [{ path: "/v1/x", body: { a: 1 } }, "a GET request cannot have a body"],
    [{ method: "get", path: "/v1/x" }, "the method must be one of"],
    [{ method: "HEAD", path: "/v1/x" }, "the method must be one of"],
    [{ method: null, path: "/v1/x" }, "the method must be one of"],
    [{ path: 42 }, "the path must be a string"],
    [{ path: "/v1/x", url: "https://evil.example" }, 'both "path" and "url"'],
    [{ method: "POST", path: "/v1/x", body: {}, data: "@x" }, 'both "body" and "data"'],
    [{ method: "GET" }, 'no "path"'],
    [{ path: "/v1/x", baseUrl: "https://evil.example" }, 'field "baseUrl"'],
    [{ path: "/v1/x", pathParameters: { id: "../admin" } }, 'field "pathParameters"'],
    [{ path: "/v1/x", host: "evil.example" }, 'field "host"'],
  ])("refuses %j (%s)", (input, rule) => {
    expect(refusal(input as Record<string, unknown>)).toContain(rule);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses %s in read-only mode", (method) => {
    expect(refusal({ method, path: "/v1/customers/1" }, ro)).toContain("read-only mode");
  });

  it("refuses in read-only mode an action whose schema takes no method", () => {
    const input = { path: "/v1/segments" };
    expect(refusal(input, { readOnly: true, takesMethod: false })).toContain("takes no method");
    expect(guardRequestActionInput(input, { readOnly: false, takesMethod: false })).toEqual({
      ...input,
      method: "GET",
    });
    expect(guardRequestActionInput(input, { readOnly: true, takesMethod: true })).toMatchObject(input);
  });

  it.each([
    [{ type: "object", properties: { method: { type: "string" }, path: {} } }, true],
    [{ type: "object", properties: { path: {} } }, false],
    [{ type: "object" }, false],
    [undefined, false],
    ["method", false],
  ])("schemaTakesMethod(%j) is %s", (schema, expected) => {
    expect(schemaTakesMethod(schema)).toBe(expected);
  });
});

describe("guardRequestActionInput (property)", () => {
  /** Any error but a UserInputError is a bug; undefined means refused. */
  function attempt<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError);
      return undefined;
    }
  }

  it("refuses exactly what proxy_request's guard refuses, whatever the field names", () => {
    const request = fc.record(
      {
        method: fc.constantFrom("GET", "POST", "DELETE", "get", undefined),
        path: fc.oneof(
          fc.constantFrom("/v1/segments", "https://evil.example/x", "//evil.example", "/v1/..%20", "/a%3B"),
          fc.string().map((text) => `/${text}`),
        ),
        query: fc.dictionary(fc.constantFrom("limit", "_method", "api_key", "q"), fc.string(), {
          maxKeys: 2,
        }),
        headers: fc.dictionary(fc.constantFrom("Accept", "Via", "X-Host", "Cookie"), fc.string(), {
          maxKeys: 2,
        }),
        body: fc.oneof(
          fc.constant(undefined),
          fc.string(),
          fc.constant("@~/.membrane/credentials.json"),
          fc.object(),
        ),
      },
      { requiredKeys: ["path"] },
    );
    let accepted = 0;
    fc.assert(
      fc.property(
        request,
        fc.constantFrom("path", "url", "uri"),
        fc.constantFrom("body", "data"),
        fc.boolean(),
        (raw, pathField, bodyField, readOnly) => {
          const { path, body, ...rest } = raw;
          const input: Record<string, unknown> = { ...rest, [pathField]: path };
          if (body !== undefined) input[bodyField] = body;
          const proxy = attempt(() =>
            guardProxyRequest({ ...raw, method: raw.method ?? "GET" } as ProxyRequest, { readOnly }),
          );
          const action = attempt(() => guardRequestActionInput(input, { readOnly }));
          expect(action === undefined).toBe(proxy === undefined);
          if (action) {
            accepted++;
            expect(action).toEqual({ ...input, method: raw.method ?? "GET" });
          }
        },
      ),
      { numRuns: 3000 },
    );
    // Both sides of the rules must be reached, or the property says nothing (about 3% are accepted).
    expect(accepted).toBeGreaterThan(40);
  });
});
