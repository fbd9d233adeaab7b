/**
 * What the tools work with, built once per server: configuration, the Membrane backend (the one seam: membrane/backend.ts), the resolved connection,
 * the catalog, and a logger. Tools read this record from their context at call time (ToolContext.services)
 * instead of reaching for globals or capturing it when they are built.
 */
import type { Catalog } from "../catalog/catalog.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { MembraneBackend } from "../membrane/backend.js";
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
  membrane: MembraneBackend;
  connection: ConnectionResolver;
  catalog: Catalog;
  log: Logger;
}

/** About four characters a token for JSON: a rough but stable estimate. */
export const estimateTokens = (chars: number) => Math.ceil(chars / 4);
