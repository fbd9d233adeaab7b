/**
 * What a raw request to the external API carries on its way to Membrane (`membrane request`, or `POST /act`
 * with `api`). Only guard/proxy-guard.ts makes one (after its checks), and every backend sends exactly this.
 * It lives in the contract, a leaf, so that membrane/ and guard/ can both name it without a loop.
 */

/** The methods Membrane's `api` request accepts (upper case). */
export const PROXY_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ProxyMethod = (typeof PROXY_METHODS)[number];

export interface GuardedRequest {
  method: ProxyMethod;
  path: string;
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  /** JSON text or a raw string, exactly as it goes to Membrane. */
  body?: string;
  bodyIsJson: boolean;
}
