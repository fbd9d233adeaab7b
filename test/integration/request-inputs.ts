/**
 * For the attack tests on every way to send a raw request: a scenario whose catalog holds Membrane's generic
 * "Make API Request" action (and one whose id would read as a flag), the hostile inputs of issue #9, and
 * fuzzed requests. The oracle that checks what reached the CLI is in request-oracle.ts.
 */
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { tempDir } from "../helpers/harness.js";

export const REQUEST_ACTION_ID = "act-api-request";
export const FLAG_ACTION_ID = "--input={}";
export const CONNECTION_ID = "conn-attack";

/** Writes the scenario file and returns its path. */
export function writeScenario(): string {
  const scenario = {
    connections: [
      {
        id: CONNECTION_ID,
        name: "Customer.io",
        state: "READY",
        integration: { id: "int-cio", key: "customerio", name: "Customer.io" },
      },
    ],
    actions: [
      {
        id: REQUEST_ACTION_ID,
        key: "make-api-request",
        name: "Make API Request",
        description: "Call any Customer.io App API endpoint that no other action covers.",
        type: "api-request-to-external-app",
        // Listed as read-only by today's effects rules, so read-only mode reaches the guard too.
        isReadOnly: true,
        inputSchema: {
          type: "object",
          properties: {
            method: { type: "string", enum: ["GET", "POST", "PUT", "PATCH", "DELETE"] },
            path: { type: "string" },
            query: { type: "object", additionalProperties: true },
            headers: { type: "object", additionalProperties: true },
            body: { description: "Any JSON value" },
          },
          required: ["path"],
        },
      },
      {
        id: FLAG_ACTION_ID,
        key: "flag-like",
        name: "Flag Like",
        type: "list-data-records",
        inputSchema: { type: "object", properties: {} },
      },
    ],
  };
  const file = `${tempDir()}/scenario.json`;
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

export interface RawRequest {
  method?: unknown;
  path?: unknown;
  query?: unknown;
  headers?: unknown;
  body?: unknown;
}

const FORWARDING_HEADERS = [
  "X-Forwarded-For",
  "X-Forwarded-Host",
  "Forwarded-For",
  "Forwarded",
  "X-Original-Host",
  "X-Host",
  "True-Client-IP",
  "Via",
  "X-Override-URL",
  "X-Original-Method",
  "X-Original-URL",
  "X-HTTP-Method-Override",
  "Host",
  "Authorization",
];

/** The hostile requests of issue #9, each one that must never reach the CLI. */
export const HOSTILE: RawRequest[] = [
  ...[
    "https://evil.example/steal",
    "//evil.example/steal",
    "/v1/../../admin",
    "/..%3B/x",
    "/v1/..%20",
    "/v1/..%20/admin",
    "/v1/a\u200bb",
    "/v1/a%E2%80%8Bb",
    "/v1/%E2%80%AEx",
    "/v1/%E2%81%A6x",
    "/v1/%EF%BB%BFx",
    "/v1/x%3Fa=1",
    "/v1/x%23y",
    "/v1/x%40evil.example",
    "--help",
  ].map((path) => ({ method: "GET", path })),
  ...FORWARDING_HEADERS.map((name) => ({
    method: "GET",
    path: "/v1/x",
    headers: { [name]: "evil.example" },
  })),
  ...["_method", "api_key", "access_token", "token", "key"].map((name) => ({
    method: "GET",
    path: "/v1/segments",
    query: { [name]: "DELETE" },
  })),
  { method: "POST", path: "/v1/x", body: "@~/.membrane/credentials.json" },
];

const fragment = fc.constantFrom(
  ..."v1 segments 42 . .. %2e %3B %3b ; %3F %23 %40 @ %20 %E2%80%8B %EF%BB%BF %C2%A0 // \\ : https: evil.example".split(
    " ",
  ),
);
/** Fuzzed requests, weighted so that about half pass the rules in either mode. */
export const fuzzedRequest: fc.Arbitrary<RawRequest> = fc.record(
  {
    method: fc.oneof({ arbitrary: fc.constant("GET"), weight: 4 }, fc.constantFrom("POST", "DELETE", "get")),
    path: fc.oneof(
      {
        arbitrary: fc.constantFrom("/v1/segments", "/v1/customers/42/attributes", "/v1/a;b/c%20d"),
        weight: 3,
      },
      fc
        .array(fragment, { maxLength: 6 })
        .chain((parts) => fc.constantFrom(`/${parts.join("/")}`, `/${parts.join("")}`, parts.join("/"))),
    ),
    query: fc.oneof(
      { arbitrary: fc.constant({ limit: 5 }), weight: 3 },
      fc.dictionary(fc.constantFrom("limit", "_method", "api_key", "Access-Token", "key"), fc.string(), {
        maxKeys: 2,
      }),
    ),
    headers: fc.oneof(
      { arbitrary: fc.constant({ Accept: "application/json" }), weight: 3 },
      fc.dictionary(
        fc.constantFrom("Accept", "X-Forwarded-Host", "Via", "X-Host", "Cookie"),
        fc.constant("x"),
        {
          maxKeys: 2,
        },
      ),
    ),
    body: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 6 },
      fc.constantFrom("@~/.membrane/credentials.json", "a=b"),
      fc.object({ maxDepth: 1 }),
    ),
  },
  { requiredKeys: ["method", "path"] },
);
