/**
 * Builds the Membrane backend (the one seam, membrane/backend.ts), the connection resolver and the catalog once. The server and
 * `customerio-mcp doctor` both start here, so doctor sees what the server would see without importing the
 * server (doctor/ sits beside it, not above it).
 */
import { CatalogCache } from "./catalog/cache.js";
import { Catalog } from "./catalog/catalog.js";
import type { Config } from "./config.js";
import type { ServerLogger } from "./log.js";
import { type ApiBackendOptions, buildApiBackend } from "./membrane/api/build.js";
import type { MembraneBackend } from "./membrane/backend.js";
import { type CliCommand, type CommandRunner, MembraneCli } from "./membrane/cli/cli.js";
import { CliBackend } from "./membrane/cli/cli-backend.js";
import type { Clock } from "./membrane/clock.js";
import { ConnectionResolver } from "./membrane/connection.js";
import { GENERIC_TOOL_NAMES } from "./tools/registry.js";
import type { Services } from "./tools/services.js";

/** At most this many CLI processes at once; more calls wait their turn. */
const MAX_CONCURRENT_CLI = 4;
const MAX_CLI_OUTPUT_BYTES = 32 * 1024 * 1024;

export interface ServiceOptions {
  clock?: Clock | undefined;
  /** For `--backend api`: an injected fetch and token source (the in-process sandbox, tests). */
  api?: Omit<ApiBackendOptions, "clock"> | undefined;
}

export function buildServices(
  config: Config,
  cliCommand: CliCommand | CommandRunner,
  log: ServerLogger,
  options: ServiceOptions = {},
): Services {
  const cli = new MembraneCli(cliCommand, {
    timeoutMs: config.timeoutSeconds * 1000,
    maxConcurrent: MAX_CONCURRENT_CLI,
    maxOutputBytes: MAX_CLI_OUTPUT_BYTES,
    log,
    clock: options.clock,
  });
  const membrane = buildBackend(config, cli, log, options);
  const connection = new ConnectionResolver(membrane, config.connectionId);
  const cache = new CatalogCache(
    config.cacheDir,
    `${membrane.facts().display}\0${config.connectionId ?? "auto"}\0${config.schemaProfile}`,
  );
  const catalog = new Catalog({
    membrane,
    connection,
    cache,
    profile: config.schemaProfile,
    reservedNames: new Set(GENERIC_TOOL_NAMES),
    readOnlyAllow: config.readOnlyAllow,
    log,
  });
  return { config, membrane, connection, catalog, log };
}

/** The backend the configuration asks for: the CLI (default) or Membrane's REST API in process. */
function buildBackend(
  config: Config,
  cli: MembraneCli,
  log: ServerLogger,
  options: ServiceOptions,
): MembraneBackend {
  if (config.backend === "api") {
    return buildApiBackend(config, cli, log, {
      sandbox: config.sandbox,
      ...options.api,
      clock: options.clock,
    });
  }
  return new CliBackend(cli, log, { sandbox: config.sandbox && !config.membraneCli });
}
