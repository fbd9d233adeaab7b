/**
 * The only module that touches the SDK's Server: it answers tools/list and tools/call from the registry,
 * sends progress and log notifications, announces catalog changes, and is the one error boundary that turns
 * any failure of a tool into an `isError` result. Tools never know which client, transport or protocol era
 * is there: services and the registry are built once; a protocol instance is made per stdio connection or
 * per HTTP request (serve/), all over the same services.
 */
import { ProtocolError, ProtocolErrorCode, Server, type Tool } from "@modelcontextprotocol/server";
import type { Config } from "./config.js";
import { UserInputError } from "./errors.js";
import { serverInstructions } from "./instructions.js";
import type { LogLevel, ServerLogger } from "./log.js";
import type { CliCommand, CommandRunner } from "./membrane/cli/cli.js";
import { inspectJson } from "./membrane/contract/exact-json.js";
import { describeProblem, errorToToolResult } from "./output/error-result.js";
import { toCallToolResult } from "./output/result.js";
import { ConfirmationPending, confirmationFor } from "./protocol/confirmation.js";
import {
  isModernRequest,
  progressReporter,
  requestLogSink,
  TOOL_LIST_TTL_MS,
} from "./protocol/request-context.js";
import { scrubSecrets } from "./redact/scrub.js";
import { buildServices, type ServiceOptions } from "./services.js";

export type { ServiceOptions } from "./services.js";

import { findAfterFirstDiscovery, waitForFirstDiscovery } from "./tools/first-discovery.js";
import { ToolRegistry } from "./tools/registry.js";
import type { Services } from "./tools/services.js";
import { listedTool, type SessionState, type ToolContext } from "./tools/tool-definition.js";
import { VERSION } from "./version.js";

const SERVER_NAME = "customerio-mcp";

interface InstanceOptions {
  /**
   * A long-lived connection (stdio, in memory): announce catalog changes, send background logs to a
   * 2025-era client, and stop the CLI's children when it closes. Per-request HTTP instances are not.
   */
  connection: boolean;
  /** Whether the tools/list may sit in shared caches (2026-07-28 `cacheScope`). */
  cacheScope?: "public" | "private";
}

/**
 * Over HTTP (per-request instances) a client that cannot be asked, or that the server cannot know can be
 * asked, gets what needs a person's yes refused, never run unasked (issue #18).
 */
const refusesUnasked = (options: InstanceOptions): boolean => !options.connection;

export interface BuiltServer {
  /** One connection-scoped instance, made on first use (the in-memory tests connect it). */
  readonly server: Server;
  services: Services;
  registry: ToolRegistry;
  /** A fresh protocol instance over the same services: serveStdio and createMcpHandler call this. */
  createInstance(options: InstanceOptions): Server;
  /** Loads the cached catalog and starts discovery in the background. */
  start(): Promise<void>;
}

/** Arguments nested deeper than this are refused before validation (which recurses per level). */
const MAX_ARGUMENT_DEPTH = 100;

function refuseDeepArguments(args: unknown): void {
  if (inspectJson(args, MAX_ARGUMENT_DEPTH).tooDeep)
    throw new UserInputError(
      `Refused: the arguments are nested more than ${MAX_ARGUMENT_DEPTH} levels deep.`,
      "Send flatter data (no Customer.io field needs that much nesting), or send a deeply nested value as JSON text in a string field.",
    );
}

export function buildServer(
  config: Config,
  cliCommand: CliCommand | CommandRunner,
  log: ServerLogger,
  options: ServiceOptions = {},
): BuiltServer {
  const services = buildServices(config, cliCommand, log, options);
  const registry = new ToolRegistry(services);
  const createInstance = (options: InstanceOptions) => createServerInstance(services, registry, log, options);
  let connected: Server | undefined;
  return {
    get server() {
      connected ??= createInstance({ connection: true });
      return connected;
    },
    services,
    registry,
    createInstance,
    start: () => services.catalog.start(),
  };
}

function createServerInstance(
  services: Services,
  registry: ToolRegistry,
  log: ServerLogger,
  options: InstanceOptions,
): Server {
  const { config, catalog } = services;
  const server = new Server(
    { name: SERVER_NAME, title: "Customer.io (via Membrane)", version: VERSION },
    {
      capabilities: { tools: { listChanged: true }, logging: {} },
      instructions: serverInstructions(config.readOnly),
    },
  );
  // 2025-era clients choose their log level per connection; `info` until they do.
  let legacyLevel: LogLevel = "info";
  server.setRequestHandler("logging/setLevel", async (request) => {
    legacyLevel = request.params.level;
    if (options.connection) log.setClientLevel(request.params.level);
    return {};
  });

  let listedOnce = false;
  // What the person allowed for the rest of this connection (fresh per stateless HTTP request).
  const session: SessionState = { approvedUnknown: new Set() };
  if (options.connection) {
    let initialized = false;
    server.oninitialized = () => {
      initialized = true;
    };
    // Lines logged outside any request (discovery in the background) reach a 2025-era client only.
    log.attachClient((level, message, data) => {
      if (!initialized) return;
      server
        .sendLoggingMessage({ level, logger: SERVER_NAME, data: data ? { message, ...data } : message })
        .catch(() => {});
    });
    // A client that has not listed the tools yet will see the new ones when it does: no need to tell it.
    const stopListening = catalog.onChange(() => {
      if (listedOnce) server.sendToolListChanged().catch(() => {});
    });
    // Calls still running when the client goes away are stopped with their process trees.
    server.onclose = () => {
      stopListening();
      services.membrane.stopAll();
    };
  }

  server.setRequestHandler("tools/list", async (_request, ctx) => {
    const report = progressReporter(ctx);
    await waitForFirstDiscovery(catalog, (found, page) =>
      report(`Discovered ${found} actions (page ${page})`, page),
    );
    listedOnce = true;
    const tools = registry.list().map((tool) => listedTool(tool) as Tool);
    if (!isModernRequest(ctx)) return { tools };
    // Settled once discovery has run: the list then changes only with a new process.
    const settled = catalog.current().source === "discovery" && !catalog.isDiscovering;
    return { tools, ttlMs: settled ? TOOL_LIST_TTL_MS : 0, cacheScope: options.cacheScope ?? "private" };
  });

  server.setRequestHandler("tools/call", async (request, ctx) => {
    const { name } = request.params;
    // One deadline for everything the call waits for (tools/deadline.ts), counted from its arrival.
    const deadline = Date.now() + config.timeoutSeconds * 1000;
    const tool = await findAfterFirstDiscovery(
      catalog,
      () => registry.get(name),
      Math.max(0, deadline - Date.now()),
    );
    if (!tool && catalog.current().source === "none")
      return errorToToolResult(
        new UserInputError(
          "The Customer.io actions are still being discovered, so this tool is not known yet.",
          "Try again in a few seconds, or call connection_status to see what is going on.",
        ),
      );
    if (!tool)
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        // Never echoed whole: a name may be 100,000 characters, or carry a credential.
        `Unknown tool: ${JSON.stringify(scrubSecrets(name).slice(0, 80))}${name.length > 80 ? ` (${name.length} characters)` : ""}. Call tools/list for the tools, or run_action for any action.`,
      );
    const sink = requestLogSink(ctx, SERVER_NAME, () => legacyLevel);
    const toolContext: ToolContext = {
      services,
      listing: registry,
      signal: ctx.mcpReq.signal,
      log,
      progress: progressReporter(ctx),
      confirm: confirmationFor(ctx, () => server.getClientCapabilities()),
      refuseUnasked: refusesUnasked(options),
      deadline,
      session,
    };
    const started = Date.now();
    return log.withRequestSink(sink, async () => {
      try {
        refuseDeepArguments(request.params.arguments);
        const args = tool.validate(request.params.arguments ?? {});
        const output = await tool.run(args, toolContext);
        log.debug(`${name} succeeded`, { durationMs: Date.now() - started });
        // The era's codec shapes a typed result (a no-op for the object envelope this server sends).
        return server.projectCallToolResult(
          toCallToolResult(output, config.maxOutput, tool.acceptsOutput?.bind(tool)),
          tool.outputSchema,
        );
      } catch (error) {
        // Asking the person first: the SDK delivers the question and calls this handler again with the answer.
        if (error instanceof ConfirmationPending) return error.result;
        log.warning(`${name} failed: ${describeProblem(error).split("\n")[0]}`, {
          durationMs: Date.now() - started,
        });
        return errorToToolResult(error);
      }
    });
  });
  return server;
}
