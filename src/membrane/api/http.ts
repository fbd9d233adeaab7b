/**
 * The REST backend's one way to send a request to Membrane: base URL, bearer token and the API version
 * header the SDK sends; one deadline per call (the wait for a slot, the request and reading the answer),
 * the caller's cancellation and the server's shutdown abort it; a limit of its own on requests in flight;
 * the answer read with a size cap and parsed with a zod record. A 401 renews the token once and tries again.
 * Nothing here logs or throws the token: errors carry the method and path only.
 */
import type { z } from "zod";
import { CliError } from "../../errors.js";
import type { Logger } from "../../log.js";
import type { CallOptions } from "../backend.js";
import { CliSlots } from "../cli/slots.js";
import { type Clock, systemClock } from "../clock.js";
import { failureFromResponse } from "./failure.js";
import type { TokenSource } from "./token.js";

/** What `@membranehq/sdk` sends as `membrane-api-version` (its LATEST_API_VERSION, 0.28.x). */
export const MEMBRANE_API_VERSION = "2025-10-21";
export const VERSION_HEADER = "membrane-api-version";

/**
 * Node's fetch, or anything with its signature (the sandbox's in-process REST face). A URL and init rather
 * than a Request: fetch builds its own Request from them, and building one more per call costs CPU.
 */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ApiRequest {
  method: "GET" | "POST";
  /** Path with its segments already encoded (routes.ts), e.g. `/actions`. */
  path: string;
  query?: URLSearchParams | undefined;
  body?: unknown;
}

interface HttpOptions {
  baseUrl: string;
  fetch: FetchLike;
  tokens: TokenSource;
  timeoutMs: number;
  maxConcurrent: number;
  maxResponseBytes: number;
  log: Logger;
  clock?: Clock | undefined;
}

export class MembraneHttp {
  private readonly slots: CliSlots;
  private shutdown = new AbortController();
  readonly clock: Clock;

  constructor(private readonly options: HttpOptions) {
    this.slots = new CliSlots(options.maxConcurrent);
    this.clock = options.clock ?? systemClock;
  }

  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  stopAll(): void {
    this.shutdown.abort();
    this.shutdown = new AbortController();
  }

  /** Sends the request and parses the JSON answer with `schema`; throws CliError on any failure. */
  async json<T>(request: ApiRequest, schema: z.ZodType<T>, options: CallOptions = {}): Promise<T> {
    const text = await this.send(request, options);
    return parseAnswer(text, schema, describe(request));
  }

  /** Sends the request and returns the answer's text (2xx only). */
  async send(request: ApiRequest, options: CallOptions = {}): Promise<string> {
    const startedAt = Date.now();
    const deadline = Math.min(
      options.deadline ?? Number.POSITIVE_INFINITY,
      startedAt + this.options.timeoutMs,
    );
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort("timeout"), Math.max(0, deadline - Date.now()));
    const signals = [stop.signal, this.shutdown.signal, ...(options.signal ? [options.signal] : [])];
    const signal = AbortSignal.any(signals);
    let seconds = 0;
    const stopTicking = options.onTick
      ? this.clock.every(1000, () => options.onTick?.(++seconds))
      : undefined;
    const what = describe(request);
    try {
      return await this.slots.run(() => this.withToken(request, signal, options), {
        deadline,
        signal,
        cancelled: () => this.stopped(stop.signal, what, startedAt),
        expired: () => this.stopped(stop.signal, what, startedAt),
      });
    } catch (error) {
      if (signal.aborted && !(error instanceof CliError)) throw this.stopped(stop.signal, what, startedAt);
      if (error instanceof CliError) throw error;
      throw new CliError(
        "spawn",
        `Membrane's API at ${this.options.baseUrl} could not be reached for ${what}.`,
        {
          hint: `Check the network and --membrane-api-url / MEMBRANE_API_URL (${causeOf(error)}).`,
        },
      );
    } finally {
      clearTimeout(timer);
      stopTicking?.();
      this.options.log.debug(`membrane api ${what}`, { durationMs: Date.now() - startedAt });
    }
  }

  private async withToken(request: ApiRequest, signal: AbortSignal, options: CallOptions): Promise<string> {
    const tokens = this.options.tokens;
    const token = await tokens.get(options);
    const first = await this.once(request, token, signal);
    if (first.status !== 401) return this.answer(first, request, signal);
    await first.body?.cancel();
    // Refused: renew once (a minted token) and try again; a given token is not retried.
    if (!(await tokens.renew(token, options))) return this.answer(first, request, signal);
    return this.answer(await this.once(request, await tokens.get(options), signal), request, signal);
  }

  private once(request: ApiRequest, token: string, signal: AbortSignal): Promise<Response> {
    const query = request.query?.toString();
    const url = `${this.options.baseUrl}${request.path}${query ? `?${query}` : ""}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      [VERSION_HEADER]: MEMBRANE_API_VERSION,
      Accept: "application/json",
    };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers["Content-Type"] = "application/json";
    }
    const sent = this.options.fetch(url, { method: request.method, headers, body, signal });
    return untilAborted(sent, signal);
  }

  private async answer(response: Response, request: ApiRequest, signal: AbortSignal): Promise<string> {
    const text = await readCapped(response, this.options.maxResponseBytes, signal);
    if (text === undefined) {
      throw new CliError(
        "too-large",
        `Membrane's answer to ${describe(request)} passed ${Math.round(this.options.maxResponseBytes / 1_000_000)} MB; it was not read further.`,
        { hint: "Ask for less: a smaller limit, a page with a cursor, or a narrower query." },
      );
    }
    if (response.ok) return text;
    throw failureFromResponse(
      response.status,
      response.headers,
      text,
      describe(request),
      this.options.tokens.refusedHint,
    );
  }

  private stopped(timeout: AbortSignal, what: string, startedAt: number): CliError {
    if (timeout.aborted) {
      return new CliError(
        "timeout",
        `Membrane's API did not answer ${what} within ${Math.round((Date.now() - startedAt) / 1000)} s; the request was stopped.`,
        { hint: "Try again, ask for less (a smaller limit), or raise --timeout / CUSTOMERIO_MCP_TIMEOUT." },
      );
    }
    return new CliError(
      "cancelled",
      `The call was cancelled; the request to Membrane (${what}) was stopped.`,
    );
  }
}

const describe = (request: ApiRequest) => `${request.method} ${request.path}`;

/**
 * `promise`, or a rejection as soon as `signal` aborts: the deadline holds even for a fetch-like handler
 * that does not watch the request's signal (Node's fetch does; an in-process one may not).
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  return code ?? (error instanceof Error ? error.message.slice(0, 120) : "unknown error");
}

/** The body as text, or undefined once it passes `limit` bytes (the rest is not read). */
async function readCapped(
  response: Response,
  limit: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    if (signal.aborted) {
      await reader.cancel().catch(() => {});
      throw signal.reason;
    }
    const { done, value } = await untilAborted(reader.read(), signal);
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON that fits `schema`, else a bad-output CliError naming where it did not fit. */
export function parseAnswer<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError("bad-output", `Membrane's API answered ${what} with something that is not JSON.`, {
      hint: "Check --membrane-api-url / MEMBRANE_API_URL: it must be Membrane's REST API (https://api.getmembrane.com).",
    });
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const where = result.error.issues[0]?.path.join(".") || "(top level)";
    throw new CliError(
      "bad-output",
      `Membrane's API answered ${what} with JSON of an unexpected shape (at ${where}).`,
      {
        hint: "The API may have changed: report it with the server's version.",
      },
    );
  }
  return result.data;
}
