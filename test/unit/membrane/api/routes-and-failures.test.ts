/**
 * The REST backend's routes and its reading of Membrane's failures: intent cut at a word to Membrane's 200
 * characters, query values and bodies encoded, and each HTTP answer mapped to the CLI path's error kinds
 * (refused token, 404, 429 with Retry-After, 5xx, an upstream 401 inside a run), scrubbed.
 */
import { describe, expect, it } from "vitest";
import { CliError } from "../../../../src/errors.js";
import { failureFromResponse, retryAfterSeconds } from "../../../../src/membrane/api/failure.js";
import { cutAtWord, listActions, rawRequest } from "../../../../src/membrane/api/routes.js";

const fail = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  failureFromResponse(
    status,
    new Headers(headers),
    typeof body === "string" ? body : JSON.stringify(body),
    "POST /act",
    "log in again",
  );

describe("routes", () => {
  it("cuts an intent at the last word that fits in 200 characters", () => {
    const words = "segment ".repeat(40).trim();
    const cut = cutAtWord(words);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.endsWith("segment")).toBe(true);
    expect(cutAtWord("x".repeat(250))).toHaveLength(200);
    expect(cutAtWord(" short ")).toBe("short");
  });

  it("encodes query values, whatever they hold", () => {
    const request = listActions("a&b=c/d é", "0");
    expect(request.query?.toString()).toBe("connectionId=a%26b%3Dc%2Fd+%C3%A9&limit=1000&cursor=0");
  });

  it("sends a raw string body as is and a JSON body as its value", () => {
    const base = { method: "POST" as const, path: "/v1/x", query: [], headers: [] };
    expect(rawRequest("c", { ...base, body: "a=1&b=2", bodyIsJson: false }).body).toEqual({
      connectionId: "c",
      api: { method: "POST", path: "/v1/x", body: "a=1&b=2" },
    });
    expect(rawRequest("c", { ...base, body: '{"n":12.50}', bodyIsJson: true }).body).toMatchObject({
      api: { body: { n: 12.5 } },
    });
  });
});

describe("Membrane's failures", () => {
  it("a 401 is a refused token, with what to do", () => {
    const error = fail(401, { type: "bad_request", key: "not_authenticated", message: "Not authenticated" });
    expect(error.kind).toBe("not-logged-in");
    expect(error.hint).toBe("log in again");
  });

  it("an upstream 401 inside a run is the upstream's refusal, not the token's", () => {
    const error = fail(401, { type: "action_run", message: "Customer.io said 401", actionRunId: "run-9" });
    expect([error.kind, error.status, error.actionRunId]).toEqual(["exit", 401, "run-9"]);
    expect(error.hint).toMatch(/Customer.io credentials/);
  });

  it("a 429 carries Retry-After for the retry", () => {
    const error = fail(429, { type: "action_run", message: "Too Many Requests" }, { "retry-after": "7" });
    expect([error.kind, error.status, error.retryAfterSeconds]).toEqual(["exit", 429, 7]);
    expect(retryAfterSeconds(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThanOrEqual(4);
  });

  it("a 404 and a 503 keep their status and Membrane's message, with the upstream's detail", () => {
    const notFound = fail(404, {
      type: "bad_request",
      key: "not_found",
      message: "Action not found",
      data: { errors: [{ detail: "no such action" }] },
    });
    expect(notFound).toBeInstanceOf(CliError);
    expect([notFound.kind, notFound.status]).toEqual(["exit", 404]);
    expect(notFound.message).toContain("Action not found: no such action");
    expect(fail(503, "Service Unavailable").message).toContain("HTTP 503 to POST /act: Service Unavailable");
  });

  it("scrubs credentials an error body echoes", () => {
    const error = fail(500, {
      type: "internal",
      message:
        "failed: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl api_key=0123456789abcdef0123",
    });
    expect(error.message).not.toContain("eyJzdWIiOiIxIn0");
    expect(error.message).not.toContain("0123456789abcdef0123");
  });
});
