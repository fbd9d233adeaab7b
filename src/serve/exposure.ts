/**
 * Refuses to start an HTTP server that would be exposed without protection, with one clear line: no
 * --no-auth off loopback, and off loopback a token plus the Host names to accept. Also the lists the
 * Host and Origin guards use, loopback names included on a loopback bind.
 */
import { isIP } from "node:net";
import { localhostAllowedHostnames, localhostAllowedOrigins } from "@modelcontextprotocol/server";
import type { Config } from "../config.js";
import { ConfigError } from "../errors.js";
import { HTTP_TOKEN_ENV } from "../options.js";

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare === "::1") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare.startsWith("::ffff:127.");
}

/** Throws ConfigError when the HTTP settings would leave the server open. */
export function checkExposure(config: Config): void {
  const loopback = isLoopbackHost(config.host);
  const hasToken = config.httpToken !== undefined || config.tokenFile !== undefined;
  if (config.noAuth && !loopback)
    throw new ConfigError(
      `--no-auth is only allowed on a loopback host (127.0.0.1, ::1, localhost), not ${config.host}`,
    );
  if (config.noAuth && hasToken)
    throw new ConfigError(`--no-auth contradicts the token given (${HTTP_TOKEN_ENV} or --token-file)`);
  if (!loopback && !hasToken)
    throw new ConfigError(
      `listening on ${config.host} needs a bearer token: set ${HTTP_TOKEN_ENV} or --token-file`,
    );
  if (!loopback && config.allowedHosts.length === 0)
    throw new ConfigError(
      `listening on ${config.host} needs --allowed-hosts (the host names clients use to reach it)`,
    );
}

/** Host names clients may use: the loopback names on a loopback bind, plus --allowed-hosts. */
export function allowedHostnames(config: Config): string[] {
  const extra = config.allowedHosts.map((host) => host.toLowerCase());
  return isLoopbackHost(config.host) ? [...localhostAllowedHostnames(), ...extra] : extra;
}

/** Origin host names browsers may send: loopback origins on a loopback bind, plus --allowed-origins. */
export function allowedOriginHostnames(config: Config): string[] {
  const extra = config.allowedOrigins.map((origin) => {
    try {
      return origin.includes("://") ? new URL(origin).hostname : origin.toLowerCase();
    } catch {
      throw new ConfigError(`--allowed-origins: "${origin}" is neither a host name nor an origin URL`);
    }
  });
  return isLoopbackHost(config.host) ? [...localhostAllowedOrigins(), ...extra] : extra;
}
