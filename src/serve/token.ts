/**
 * The HTTP bearer token: from CUSTOMERIO_MCP_HTTP_TOKEN, from --token-file (which only its owner may
 * read), or, on loopback with neither, generated once into an owner-only file whose path is printed (for
 * the sandbox, a temporary file removed at exit).
 * The token itself is never printed or logged; checks compare digests in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Config } from "../config.js";
import { ConfigError } from "../errors.js";
import { onExit } from "../membrane/shutdown.js";

export interface ResolvedToken {
  token: string;
  /** Where it came from, for the start-up line: never the token itself. */
  source: "environment" | "file" | "generated";
  file?: string;
}

/** The sandbox writes nothing under HOME: its generated token lives in a temp folder removed at exit. */
function temporaryTokenFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "customerio-mcp-token-"));
  onExit(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "http-token");
}

function defaultTokenFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env["XDG_CONFIG_HOME"] || join(homedir(), ".config");
  return join(base, "customerio-mcp", "http-token");
}

function readTokenFile(file: string): string {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new ConfigError(`token file ${file} does not exist`);
  if (process.platform !== "win32" && (stat.mode & 0o077) !== 0)
    throw new ConfigError(`token file ${file} is readable by others: run chmod 600 ${file}`);
  const token = readFileSync(file, "utf8").trim();
  if (token.length < 16) throw new ConfigError(`token file ${file} must hold at least 16 characters`);
  return token;
}

/** The token to require, or undefined with --no-auth. */
export function resolveToken(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedToken | undefined {
  if (config.noAuth) return undefined;
  if (config.httpToken !== undefined) return { token: config.httpToken, source: "environment" };
  if (config.tokenFile !== undefined)
    return { token: readTokenFile(config.tokenFile), source: "file", file: config.tokenFile };
  const file = config.sandbox ? temporaryTokenFile() : defaultTokenFile(env);
  if (existsSync(file)) return { token: readTokenFile(file), source: "file", file };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const token = randomBytes(32).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return { token, source: "generated", file };
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** True when the Authorization header carries exactly `Bearer <token>`; constant time in the token. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
  const given = match?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}
