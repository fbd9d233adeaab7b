/**
 * The oracle of the attack tests: checks each argv the recording fake CLI received against the rules of
 * issue #9, written from the issue (WHATWG URL parsing, copies of the lists), not from the guard's code.
 */
import { expect } from "vitest";
import type { Invocation } from "../fixtures/records.js";
import { CONNECTION_ID, REQUEST_ACTION_ID } from "./request-inputs.js";

const BASE = "https://api.customer.io/v1";
const ALLOWED_HEADERS = new Set(
  "accept accept-language content-type idempotency-key if-match if-none-match if-modified-since if-unmodified-since x-request-id".split(
    " ",
  ),
);
const DENIED_QUERY = new Set("method httpmethod xhttpmethodoverride apikey accesstoken token key".split(" "));

/** Whether `path` stays on the Customer.io API by the rules. */
function assertSafePath(path: unknown): void {
  expect(typeof path).toBe("string");
  const text = path as string;
  expect(text).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
  expect(text).not.toMatch(/[\\?#@]/);
  const url = new URL(BASE + text);
  expect(url.origin).toBe("https://api.customer.io");
  expect(url.pathname).toBe(`/v1${text}`);
  for (const segment of text.split("/").slice(1)) {
    const decoded = decodeURIComponent(segment).normalize("NFKC");
    expect(decoded.split(";").length).toBe(segment.split(";").length);
    expect(decoded.split(";")[0]?.trim()).not.toMatch(/^\.+$/);
    expect(decoded).not.toMatch(/[/\\%?#@\p{Cc}\p{Cf}\u2028\u2029]/u);
  }
}

function assertSafeHeader(name: string): void {
  expect(ALLOWED_HEADERS.has(name.toLowerCase()), name).toBe(true);
}

function assertSafeQueryName(name: string): void {
  expect(DENIED_QUERY.has(name.toLowerCase().replace(/[^a-z0-9]/g, "")), name).toBe(false);
}

/** Positionals after `--`, and the flags before it. */
function split(argv: string[]): { flags: string[]; positionals: string[] } {
  const end = argv.indexOf("--");
  expect(end, `no "--" in ${JSON.stringify(argv)}`).toBeGreaterThan(0);
  return { flags: argv.slice(0, end), positionals: argv.slice(end + 1) };
}

/** Checks one recorded CLI invocation against every rule; returns what kind of call it was. */
export function assertSafeInvocation(call: Invocation, readOnly: boolean): "request" | "run" | "other" {
  const { argv } = call;
  if (argv[0] === "request") {
    const { flags, positionals } = split(argv);
    expect(positionals).toHaveLength(2);
    expect(positionals[0]).toBe(CONNECTION_ID);
    assertSafePath(positionals[1]);
    for (const flag of flags.slice(1)) {
      expect(flag).toMatch(/^--(method|header|query|data)=/);
      if (flag.startsWith("--method=") && readOnly) expect(flag).toBe("--method=GET");
      if (flag.startsWith("--header=")) assertSafeHeader(flag.slice(9).split(":")[0] ?? "");
      if (flag.startsWith("--query=")) assertSafeQueryName(flag.slice(8).split("=")[0] ?? "");
      if (flag.startsWith("--data=")) expect(flag.slice(7).trimStart()).not.toMatch(/^@/);
    }
    return "request";
  }
  if (argv[0] === "action" && argv[1] === "run") {
    const { flags, positionals } = split(argv);
    expect(positionals).toHaveLength(1);
    expect(positionals[0]).not.toMatch(/^-/);
    const inputFlag = flags.find((flag) => flag.startsWith("--input="));
    const input = JSON.parse(inputFlag?.slice(8) ?? "{}") as Record<string, unknown>;
    if (positionals[0] === REQUEST_ACTION_ID) {
      assertSafePath(input["path"] ?? input["url"] ?? input["uri"]);
      expect(["GET", "POST", "PUT", "PATCH", "DELETE"]).toContain(input["method"]);
      if (readOnly) expect(input["method"]).toBe("GET");
      for (const name of Object.keys((input["headers"] as object) ?? {})) assertSafeHeader(name);
      for (const name of Object.keys((input["query"] as object) ?? {})) assertSafeQueryName(name);
      const body = input["body"] ?? input["data"];
      if (typeof body === "string") expect(body.trimStart()).not.toMatch(/^@/);
    }
    return "run";
  }
  return "other";
}
