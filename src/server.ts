/**
 * The only module that touches the SDK's Server: it answers tools/list and tools/call from the registry,
 * sends progress and log notifications, announces catalog changes, and is the one error boundary that turns
 * any failure of a tool into an `isError` result. Tools never know which client or transport is there.
 */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  SetLevelRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { CatalogCache } from "./catalog/cache.js";
import { Catalog } from "./catalog/catalog.js";
import type { Config } from "./config.js";
import { describeError, errorToToolResult } from "./errors.js";
import { serverInstructions } from "./instructions.js";
import type { ServerLogger } from "./log.js";
import { type CliCommand, MembraneCli } from "./membrane/cli.js";
import { MembraneClient } from "./membrane/client.js";
import { ConnectionResolver } from "./membrane/connection.js";
import { GENERIC_TOOL_NAMES, ToolRegistry } from "./tools/registry.js";
import { toCallToolResult } from "./tools/result.js";
import { DISCOVERY_WAIT_MS, type Services } from "./tools/services.js";
import type { ToolContext } from "./tools/tool-definition.js";
import { VERSION } from "./version.js";

export const SERVER_NAME = "customerio-mcp";
/** At most this many CLI processes at once; more calls wait their turn. */
const MAX_CONCURRENT_CLI = 4;
const MAX_CLI_OUTPUT_BYTES = 32 * 1024 * 1024;

export interface BuiltServer {
  server: Server;
  services: Services;
  registry: ToolRegistry;
  /** Loads the cached catalog and starts discovery in the background. */
  start(): Promise<void>;
}

export function buildServices(config: Config, cliCommand: CliCommand, log: ServerLogger): Services {
  const cli = new MembraneCli(cliCommand, {
    timeoutMs: config.timeoutSeconds * 1000,
    maxConcurrent: MAX_CONCURRENT_CLI,
    maxOutputBytes: MAX_CLI_OUTPUT_BYTES,
    log,
  });
  const client = new MembraneClient(cli, log);
  const connection = new ConnectionResolver(client, config.connectionId);
  const cache = new CatalogCache(
    config.cacheDir,
    `${cliCommand.display}\0${config.connectionId ?? "auto"}\0${config.schemaProfile}`,
  );
  const catalog = new Catalog({
    client,
    connection,
    cache,
    profile: config.schemaProfile,
    reservedNames: new Set(GENERIC_TOOL_NAMES),
    readOnlyAllow: config.readOnlyAllow,
    log,
  });
  const services: Services = {
    config,
    client,
    connection,
    catalog,
    log,
    toolListStats: () => ({
      tools: 0,
      directActionTools: 0,
      chars: 0,
      estimatedTokens: 0,
      omitted: {},
      notConverted: [],
    }),
  };
  return services;
}

export function buildServer(config: Config, cliCommand: CliCommand, log: ServerLogger): BuiltServer {
  const services = buildServices(config, cliCommand, log);
  const registry = new ToolRegistry(services);
  const server = new Server(
    { name: SERVER_NAME, title: "Customer.io (via Membrane)", version: VERSION },
    { capabilities: { tools: { listChanged: true } }, instructions: serverInstructions(config.readOnly) },
  );
  server.registerCapabilities({ logging: {} });
  let initialized = false;
  server.oninitialized = () => {
    initialized = true;
  };

  log.attachClient((level, message, data) => {
    if (!initialized) return;
    server
      .sendLoggingMessage({ level, logger: SERVER_NAME, data: data ? { message, ...data } : message })
      .catch(() => {});
  });
  server.setRequestHandler(SetLevelRequestSchema, async (request) => {
    log.setClientLevel(request.params.level);
    return {};
  });

  // A client that has not listed the tools yet will see the new ones when it does: no need to tell it.
  let listedOnce = false;
  services.catalog.onChange(() => {
    if (initialized && listedOnce) server.sendToolListChanged().catch(() => {});
  });

  server.setRequestHandler(ListToolsRequestSchema, async (request, extra) => {
    const token = request.params?._meta?.progressToken;
    let stop = () => {};
    if (token !== undefined) {
      stop = services.catalog.onProgress((found, page) => {
        extra
          .sendNotification({
            method: "notifications/progress",
            params: {
              progressToken: token,
              progress: page,
              message: `Discovered ${found} actions (page ${page})`,
            },
          })
          .catch(() => {});
      });
    }
    try {
      await services.catalog.waitForFirst(DISCOVERY_WAIT_MS);
    } finally {
      stop();
    }
    listedOnce = true;
    return {
      tools: registry.list().map(({ name, title, description, inputSchema, annotations }) => ({
        name,
        title,
        description,
        inputSchema,
        annotations,
      })),
    };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name } = request.params;
    let tool = registry.get(name);
    if (!tool && services.catalog.current().source === "none") {
      await services.catalog.waitForFirst(DISCOVERY_WAIT_MS);
      tool = registry.get(name);
    }
    if (!tool)
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool: ${name}. Call tools/list for the tools, or run_action for any action.`,
      );
    const token = request.params._meta?.progressToken;
    let progress = 0;
    const ctx: ToolContext = {
      signal: extra.signal,
      log,
      progress: (message) => {
        if (token === undefined) return;
        progress++;
        extra
          .sendNotification({
            method: "notifications/progress",
            params: { progressToken: token, progress, message },
          })
          .catch(() => {});
      },
    };
    const started = Date.now();
    try {
      const args = tool.validate(request.params.arguments ?? {});
      const output = await tool.run(args, ctx);
      log.debug(`${name} succeeded`, { durationMs: Date.now() - started });
      return toCallToolResult(output, config.maxOutput);
    } catch (error) {
      log.warning(`${name} failed: ${describeError(error).split("\n")[0]}`, {
        durationMs: Date.now() - started,
      });
      return errorToToolResult(error);
    }
  });

  // Calls still running when the client goes away are stopped with their process trees.
  server.onclose = () => services.client.cli.stopAll();
  return { server, services, registry, start: () => services.catalog.start() };
}
