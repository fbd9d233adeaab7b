/**
 * What the tools work with, built once per server: configuration, the CLI client, the resolved connection,
 * the catalog, and a logger. Tools read this record from their context at call time (ToolContext.services)
 * instead of reaching for globals or capturing it when they are built.
 */
import type { Catalog } from "../catalog/catalog.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { MembraneClient } from "../membrane/client.js";
import type { ConnectionResolver } from "../membrane/connection.js";

export interface ToolListStats {
  tools: number;
  directActionTools: number;
  chars: number;
  estimatedTokens: number;
  omitted: Record<string, number>;
  notConverted: Array<{ action: string; reason: string }>;
}

export interface Services {
  config: Config;
  client: MembraneClient;
  connection: ConnectionResolver;
  catalog: Catalog;
  log: Logger;
}

/** About four characters a token for JSON: a rough but stable estimate. */
export const estimateTokens = (chars: number) => Math.ceil(chars / 4);
