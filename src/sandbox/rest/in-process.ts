/**
 * The sandbox behind the REST backend in this process (`--sandbox --backend api`, tests, the bench): its REST
 * face as the backend's fetch, over a workspace in a state folder (a fresh temp folder by default, removed
 * at exit), and sandbox tokens minted in memory (no process at all).
 */
import { buildCatalog } from "../catalog/catalog.js";
import { createSandboxLaunch } from "../launch.js";
import { WorkspaceStore } from "../state/store.js";
import { createRestFace, type FetchHandler } from "./face.js";
import { mintSandboxToken, stateSecret, verifySandboxToken } from "./token.js";

/** Where the in-process face "is": a reserved name (RFC 2606) that no request can ever reach on a network. */
export const IN_PROCESS_SANDBOX_URL = "http://customerio-mcp-sandbox.invalid";

export interface InProcessSandboxApi {
  baseUrl: string;
  /** The REST face with fetch's signature (a URL and init), for the REST backend's injected fetch. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The REST face as a handler of Requests (serve.ts puts it behind an HTTP server). */
  handler: FetchHandler;
  /** A fresh sandbox token (an hour's life), as `membrane token` would print one. */
  mintToken: () => Promise<string>;
  stateDir: string;
}

export async function createInProcessSandboxApi(
  options: { stateDir?: string; env?: NodeJS.ProcessEnv; latencyMs?: number } = {},
): Promise<InProcessSandboxApi> {
  const stateDir = options.stateDir ?? (await createSandboxLaunch()).stateDir;
  return sandboxApiOver(stateDir, options.env ?? process.env, options.latencyMs);
}

/** The REST face over the workspace in `stateDir`, and tokens it accepts. */
export function sandboxApiOver(
  stateDir: string,
  env: NodeJS.ProcessEnv,
  latencyMs?: number,
): InProcessSandboxApi {
  const secret = stateSecret(stateDir);
  const handler = createRestFace({
    store: new WorkspaceStore(stateDir),
    catalog: buildCatalog(env),
    verifyToken: (token) => verifySandboxToken(secret, token),
    env,
    latencyMs,
  });
  const mintToken = async () => mintSandboxToken(secret);
  const fetch = (url: string, init: RequestInit) => handler(new Request(url, init));
  return { baseUrl: IN_PROCESS_SANDBOX_URL, fetch, handler, mintToken, stateDir };
}
