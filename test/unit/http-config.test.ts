/**
 * The HTTP options as parsed: read-only by default over HTTP, the token only from the environment, the
 * exposure rules, and the constant-time bearer check.
 */
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/config.js";
import { checkExposure, isLoopbackHost } from "../../src/serve/exposure.js";
import { bearerMatches } from "../../src/serve/token.js";

const parse = (argv: string[], env: Record<string, string> = {}) => parseCommandLine(argv, env).config;
const TOKEN = "0123456789abcdef0123";

describe("HTTP configuration", () => {
  it("is read-only over HTTP unless writes are allowed, and stdio keeps its default", () => {
    expect(parse(["--transport", "http"]).readOnly).toBe(true);
    expect(parse(["--transport", "http", "--allow-writes"]).readOnly).toBe(false);
    expect(parse([], { CUSTOMERIO_MCP_TRANSPORT: "http", CUSTOMERIO_MCP_ALLOW_WRITES: "1" }).readOnly).toBe(
      false,
    );
    expect(parse([]).readOnly).toBe(false);
    expect(parse(["--transport", "http", "--allow-writes", "--read-only"]).readOnly).toBe(true);
  });

  it("takes the token from the environment only", () => {
    expect(parse([], { CUSTOMERIO_MCP_HTTP_TOKEN: TOKEN }).httpToken).toBe(TOKEN);
    expect(() => parseCommandLine(["--token", TOKEN], {})).toThrow();
    expect(() => parse([], { CUSTOMERIO_MCP_HTTP_TOKEN: "short" })).toThrow(/at least 16/);
  });

  it("knows loopback hosts", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.1", "example.com", "128.0.0.1"])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it("refuses exposed settings and accepts protected ones", () => {
    const http = (argv: string[], env: Record<string, string> = {}) =>
      parse(["--transport", "http", ...argv], env);
    expect(() => checkExposure(http([]))).not.toThrow();
    expect(() => checkExposure(http(["--no-auth"]))).not.toThrow();
    expect(() => checkExposure(http(["--host", "0.0.0.0", "--no-auth"]))).toThrow(/loopback/);
    expect(() => checkExposure(http(["--host", "0.0.0.0"]))).toThrow(/token/);
    const withToken = { CUSTOMERIO_MCP_HTTP_TOKEN: TOKEN };
    expect(() => checkExposure(http(["--host", "0.0.0.0"], withToken))).toThrow(/--allowed-hosts/);
    expect(() =>
      checkExposure(http(["--host", "0.0.0.0", "--allowed-hosts", "mcp.example.com"], withToken)),
    ).not.toThrow();
  });
});

describe("bearerMatches", () => {
  it("accepts exactly Bearer <token>", () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    for (const header of [
      undefined,
      "",
      TOKEN,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      "Bearer ",
      `Basic ${TOKEN}`,
    ])
      expect(bearerMatches(header, TOKEN)).toBe(false);
  });
});
