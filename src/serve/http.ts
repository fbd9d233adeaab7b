/**
 * Streamable HTTP at /mcp, stateless: the SDK's createMcpHandler answers each request (either protocol era)
 * from a fresh protocol instance over the one set of services, so any replica can answer any request.
 * In front of it, in this order: the path, the Host and Origin guards (403), the bearer token (401), the
 * body size (413). The handler itself checks none of these.
 */
import {
  createServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { hostHeaderValidation, originValidation, toNodeHandler } from "@modelcontextprotocol/node";
import { createMcpHandler, type McpHttpHandler } from "@modelcontextprotocol/server";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { BuiltServer } from "../server.js";
import { allowedHostnames, allowedOriginHostnames } from "./exposure.js";
import { bearerMatches } from "./token.js";

const MCP_PATH = "/mcp";
/** Tool inputs and proxied bodies are small (the proxy caps bodies at 100 KB). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Parameters that would put a credential in a URL (and so in logs and browser history). */
const TOKEN_PARAMS = ["access_token", "token", "auth", "authorization", "api_key", "apikey", "key"];

export interface HttpApp {
  server: HttpServer;
  mcp: McpHttpHandler;
  /** Requests being answered right now. */
  inFlight(): number;
}

function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32001, message }, id: null }));
}

export function createHttpApp(built: BuiltServer, config: Config, token: string | undefined, log: Logger) {
  const cacheScope = token === undefined ? "public" : "private";
  const onerror = (error: Error) => log.debug(`http: ${error.message}`);
  const mcp = createMcpHandler(() => built.createInstance({ connection: false, cacheScope }), {
    legacy: "stateless",
    maxRequestBodySize: MAX_BODY_BYTES,
    onerror,
  });
  // 2026-07-28 clients hear of catalog changes on their subscriptions/listen stream.
  built.services.catalog.onChange(() => mcp.notify.toolsChanged());
  const nodeHandler = toNodeHandler(mcp, { onerror });
  const checkHost = hostHeaderValidation(allowedHostnames(config));
  const checkOrigin = originValidation(allowedOriginHostnames(config));
  let active = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== MCP_PATH) return refuse(res, 404, `Not found: the MCP endpoint is ${MCP_PATH}`);
    if (!checkHost(req, res) || !checkOrigin(req, res)) return;
    if (token !== undefined) {
      if (TOKEN_PARAMS.some((name) => url.searchParams.has(name)))
        return refuse(res, 400, "Send the token in the Authorization header, never in the URL");
      if (!bearerMatches(req.headers.authorization, token))
        return refuse(res, 401, "Missing or wrong bearer token", {
          "www-authenticate": 'Bearer realm="customerio-mcp"',
        });
    }
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES)
      return refuse(res, 413, `Request body over ${MAX_BODY_BYTES} bytes`);
    active++;
    res.once("close", () => active--);
    void nodeHandler(req, res);
  };
  const server = createServer(handle);
  return { server, mcp, inFlight: () => active } satisfies HttpApp;
}

/** Listens and resolves with the URL of the endpoint. */
export async function listen(app: HttpApp, config: Config): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    app.server.once("error", reject);
    app.server.listen(config.port, config.host, () => resolve());
  });
  const { port } = app.server.address() as AddressInfo;
  const host = config.host.includes(":") && !config.host.startsWith("[") ? `[${config.host}]` : config.host;
  return `http://${host}:${port}${MCP_PATH}`;
}
