/**
 * Reads what the REST backend needs from a Membrane token without verifying it (Membrane does that): that it
 * is a JWT at all, when it expires, and whether it is a workspace-admin token. The token itself is never
 * returned in an error, logged or kept anywhere but the token source.
 */

export interface TokenClaims {
  /** Epoch seconds, when the token says. */
  exp?: number | undefined;
  isAdmin: boolean;
}

const JWT = /^[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/;

/** The claims of a JWT; undefined when the text is not one (three base64url parts, a JSON object inside). */
export function readClaims(token: string): TokenClaims | undefined {
  const match = JWT.exec(token);
  if (!match?.[1]) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(match[1], "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return undefined;
  const record = payload as Record<string, unknown>;
  const exp = typeof record["exp"] === "number" && Number.isFinite(record["exp"]) ? record["exp"] : undefined;
  return { exp, isAdmin: record["isAdmin"] === true };
}

/**
 * The token in what `membrane token` printed: a bare JWT, or JSON holding one as `token` or `accessToken`
 * (its format is not documented). Undefined for anything else.
 */
export function tokenFromOutput(output: string): string | undefined {
  const text = output.trim();
  if (readClaims(text)) return text;
  if (!text.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    for (const key of ["token", "accessToken"]) {
      const value = parsed[key];
      if (typeof value === "string" && readClaims(value.trim())) return value.trim();
    }
  } catch {
    // Not JSON either.
  }
  return undefined;
}
