/**
 * Assembles the REST backend from the configuration: the API URL, the token source (MEMBRANE_TOKEN as given,
 * else minted by the Membrane CLI the server found), Node's fetch unless another is injected (the sandbox's
 * in-process REST face in tests and `--sandbox --backend api`), and its own limit on requests in flight.
 */
import type { Logger } from "../../log.js";
import type { MembraneCli } from "../cli/cli.js";
import type { Clock } from "../clock.js";
import { ApiBackend } from "./api-backend.js";
import { type FetchLike, MembraneHttp } from "./http.js";
import { GivenToken, MintedToken, type TokenSource } from "./token.js";

/** Requests in flight at once: HTTPS requests are cheap here, unlike a CLI process each. */
const MAX_CONCURRENT_REQUESTS = 32;
/** Membrane's documented limit on a response. */
const MAX_RESPONSE_BYTES = 30 * 1024 * 1024;

export interface ApiBackendOptions {
  fetch?: FetchLike | undefined;
  /** A token source of the caller's (the in-process sandbox mints its own). */
  tokens?: TokenSource | undefined;
  sandbox?: boolean | undefined;
  /** In place of --membrane-api-url (the in-process sandbox's reserved, never-resolving URL). */
  baseUrl?: string | undefined;
  clock?: Clock | undefined;
}

/** What the REST backend takes from the configuration. */
export interface ApiSettings {
  membraneApiUrl: string;
  /** MEMBRANE_TOKEN, when a person gave one. */
  membraneToken?: string | undefined;
  timeoutSeconds: number;
}

export function tokenSourceFor(settings: ApiSettings, cli: MembraneCli, clock?: Clock): TokenSource {
  if (settings.membraneToken !== undefined) return new GivenToken(settings.membraneToken);
  return new MintedToken(
    (args, options) => cli.run(args, options),
    `\`membrane token\` run by ${cli.display} (in memory; refreshed before it expires)`,
    clock,
  );
}

export function buildApiBackend(
  config: ApiSettings,
  cli: MembraneCli,
  log: Logger,
  options: ApiBackendOptions = {},
): ApiBackend {
  const tokens = options.tokens ?? tokenSourceFor(config, cli, options.clock);
  const baseUrl = options.baseUrl ?? config.membraneApiUrl;
  const http = new MembraneHttp({
    baseUrl,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    tokens,
    timeoutMs: config.timeoutSeconds * 1000,
    maxConcurrent: MAX_CONCURRENT_REQUESTS,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    log,
    clock: options.clock,
  });
  return new ApiBackend(http, tokens, log, {
    baseUrl,
    sandbox: options.sandbox,
  });
}
