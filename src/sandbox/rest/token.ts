/**
 * The sandbox's Membrane tokens: JWTs signed (HS256) with a secret of the sandbox's own, carrying a tenant
 * and an `exp` like the tenant tokens `membrane token` prints. The REST face accepts only tokens it can
 * verify; `customerio-mcp-sandbox token` and `serve` share the secret through the state folder.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const ISSUER = "customerio-mcp-sandbox";
const SECRET_FILE = "rest-token-secret";
const TTL_SECONDS = 3600;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const sign = (secret: Buffer, input: string) =>
  createHmac("sha256", secret).update(input).digest("base64url");

export function newSecret(): Buffer {
  return randomBytes(32);
}

/** The secret kept in the state folder (created on first use, owner-only). */
export function stateSecret(stateDir: string): Buffer {
  const file = path.join(stateDir, SECRET_FILE);
  try {
    return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
  } catch {
    mkdirSync(stateDir, { recursive: true });
    const secret = newSecret();
    writeFileSync(file, secret.toString("base64url"), { mode: 0o600, flag: "wx" });
    return secret;
  }
}

export function mintSandboxToken(
  secret: Buffer,
  options: { ttlSeconds?: number; isAdmin?: boolean; now?: number } = {},
): string {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const header = base64url({ alg: "HS256", typ: "JWT" });
  const payload = base64url({
    iss: ISSUER,
    sub: "sandbox-tenant",
    tenantId: "sandbox-tenant",
    iat: now,
    exp: now + (options.ttlSeconds ?? TTL_SECONDS),
    ...(options.isAdmin ? { isAdmin: true } : {}),
  });
  return `${header}.${payload}.${sign(secret, `${header}.${payload}`)}`;
}

/** Whether `token` was signed with `secret` and has not expired. */
export function verifySandboxToken(secret: Buffer, token: string, now = Date.now()): boolean {
  const [header, payload, signature, ...rest] = token.split(".");
  if (!header || !payload || !signature || rest.length > 0) return false;
  const expected = Buffer.from(sign(secret, `${header}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown };
    return typeof claims.exp === "number" && claims.exp * 1000 > now;
  } catch {
    return false;
  }
}
