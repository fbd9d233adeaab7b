/**
 * A sandbox's REST face as the REST backend's fetch (`--sandbox --backend api`, tests, the bench): the
 * handler over the sandbox (its workspace, catalog and connections, shared with its CLI face), with fetch's
 * signature, at a URL no network can reach, and tokens the sandbox signs, minted in memory (no process).
 */
import { createSandbox, Sandbox, type SandboxOptions } from "../sandbox.js";
import { createRestFace, type FetchHandler } from "./face.js";
import { mintSandboxToken } from "./token.js";

/** Where the in-process face "is": a reserved name (RFC 2606) that no request can ever reach on a network. */
export const IN_PROCESS_SANDBOX_URL = "http://customerio-mcp-sandbox.invalid";

export interface SandboxApi {
  baseUrl: string;
  /** The REST face with fetch's signature (a URL and init), for the REST backend's injected fetch. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The REST face as a handler of Requests (serve.ts puts it behind an HTTP server). */
  handler: FetchHandler;
  /** A fresh sandbox token (an hour's life), as `membrane token` would print one. */
  mintToken: () => Promise<string>;
  sandbox: Sandbox;
}

/**
 * The REST face of `sandbox` (a new one of `options` when given options); `wrap` puts something around its
 * handler (the fault equipment of test/fixtures/faulty-sandbox does).
 */
export function sandboxApi(
  sandbox: Sandbox | SandboxOptions = {},
  wrap: (handler: FetchHandler) => FetchHandler = (handler) => handler,
): SandboxApi {
  const over = sandbox instanceof Sandbox ? sandbox : createSandbox(sandbox);
  const handler = wrap(createRestFace(over));
  const mintToken = async () => mintSandboxToken(over.tokenSecret());
  const fetch = (url: string, init: RequestInit) => handler(new Request(url, init));
  return { baseUrl: IN_PROCESS_SANDBOX_URL, fetch, handler, mintToken, sandbox: over };
}
