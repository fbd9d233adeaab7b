/**
 * `--transport http`: resolves the token, starts the endpoint and tells the person on stderr where it is,
 * where the token is kept (never the token), and how a client connects.
 */
import type { Config } from "../config.js";
import type { ServerLogger } from "../log.js";
import { HTTP_TOKEN_ENV } from "../options.js";
import type { BuiltServer } from "../server.js";
import { createHttpApp, listen } from "./http.js";
import { shutDownOnSignals } from "./shutdown.js";
import { type ResolvedToken, resolveToken } from "./token.js";

function connectHelp(url: string, token: ResolvedToken | undefined): string[] {
  if (!token) return [`  Claude Code: claude mcp add --transport http customerio ${url}`];
  // Printed to be pasted into a shell as is: a path with spaces or quotes is single-quoted.
  const file =
    token.file && !/^[\w./:@%+-]+$/.test(token.file)
      ? `'${token.file.replaceAll("'", "'\\''")}'`
      : token.file;
  const header =
    file !== undefined ? `Authorization: Bearer $(cat ${file})` : `Authorization: Bearer $${HTTP_TOKEN_ENV}`;
  return [
    `  Claude Code: claude mcp add --transport http customerio ${url} --header "${header}"`,
    `  Cursor / VS Code: { "url": "${url}", "headers": { "Authorization": "Bearer <the token>" } }`,
  ];
}

export async function serveOverHttp(built: BuiltServer, config: Config, log: ServerLogger): Promise<void> {
  const token = resolveToken(config);
  const app = createHttpApp(built, config, token?.token, log);
  const url = await listen(app, config);
  const auth = !token
    ? "no authentication (--no-auth, loopback only)"
    : token.source === "environment"
      ? `bearer token from ${HTTP_TOKEN_ENV}`
      : `bearer token in ${token.file}${token.source === "generated" ? " (generated, owner-only)" : ""}`;
  const lines = [
    `customerio-mcp: listening on ${url}`,
    `  ${auth}; ${config.readOnly ? "read-only (--allow-writes to change data)" : "writes allowed"}`,
    ...connectHelp(url, token),
  ];
  process.stderr.write(`${lines.join("\n")}\n`);
  shutDownOnSignals(app, built, log);
}
