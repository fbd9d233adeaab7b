/**
 * The tools the server offers right now: the generic tools (minus any excluded by --exclude-tools) and the
 * direct action tools chosen from the current catalog by the selection rule (catalog/selection.ts).
 * Rebuilt only when the catalog changes; tools/list and tools/call both read from here, and a running tool
 * asks it through its context (ToolContext.listing) whether a name is a tool and what the list costs.
 * The generic tools are constant specs, defined here once per server with its configuration (profile,
 * read-only mode).
 */
import type { CatalogSnapshot } from "../catalog/catalog.js";
import { OUTPUT_SCHEMA_SHARE, typedWithin } from "../catalog/output-contract.js";
import {
  DEFAULT_LIST_BUDGET_CHARS,
  nameMatcher,
  type Selection,
  selectDirectTools,
} from "../catalog/selection.js";
import { describeUnmatched, unmatchedNames } from "../catalog/unmatched.js";
import { makeActionTool } from "./action-tool.js";
import { connectionStatusTool } from "./connection-status.js";
import { defineGenericTool, type GenericToolSpec } from "./define-tool.js";
import { proxyRequestTool } from "./proxy-request.js";
import { runActionTool } from "./run-action.js";
import { searchActionsTool } from "./search-actions.js";
import { estimateTokens, type Services, type ToolListStats } from "./services.js";
import { type ListedTool, listedTool, type ToolDefinition, type ToolListing } from "./tool-definition.js";

/** The generic tools, in the order tools/list shows them. */
export const GENERIC_TOOLS: readonly GenericToolSpec[] = [
  searchActionsTool,
  runActionTool,
  proxyRequestTool,
  connectionStatusTool,
];

/** Their names, known before any tool is built (the catalog reserves them for the generic tools). */
export const GENERIC_TOOL_NAMES: readonly string[] = GENERIC_TOOLS.map((spec) => spec.name);

/** The size a tool costs in tools/list, in characters of JSON. */
function toolSize(tool: ListedTool): number {
  return JSON.stringify(listedTool(tool)).length;
}

interface Listing {
  snapshot: CatalogSnapshot;
  tools: ToolDefinition[];
  byName: Map<string, ToolDefinition>;
  selection: Selection;
}

export class ToolRegistry implements ToolListing {
  private genericTools: ToolDefinition[] | undefined;
  private listing: Listing | undefined;
  /** Unmatched-name warnings already logged: once per server, not once per catalog refresh. */
  private readonly warned = new Set<string>();

  constructor(private readonly services: Services) {
    // Said in the log as soon as the catalog is known, whether or not a client lists the tools.
    services.catalog.onChange(() => this.warnUnmatched(services.catalog.current()));
  }

  /**
   * Built on first use, not in the constructor: converting their schemas loads the JSON Schema
   * validator (about 60 ms), which the answer to `initialize` should not wait for.
   */
  private get generic(): ToolDefinition[] {
    if (this.genericTools === undefined) {
      const { config } = this.services;
      const excluded = nameMatcher(config.excludeTools);
      this.genericTools = GENERIC_TOOLS.filter((spec) => !excluded(spec.name)).map((spec) =>
        defineGenericTool(spec, config),
      );
    }
    return this.genericTools;
  }

  list(): ToolDefinition[] {
    return this.current().tools;
  }

  get(name: string): ToolDefinition | undefined {
    return this.current().byName.get(name);
  }

  has(name: string): boolean {
    return this.current().byName.has(name);
  }

  stats(): ToolListStats {
    const { tools, selection } = this.current();
    const chars = JSON.stringify(tools.map(listedTool)).length;
    const omitted: Record<string, number> = {};
    const notConverted: ToolListStats["notConverted"] = [];
    for (const { entry, reason } of selection.omitted) {
      omitted[reason] = (omitted[reason] ?? 0) + 1;
      if (reason === "schema")
        notConverted.push({ action: entry.action.id, reason: entry.conversionError ?? "unknown" });
    }
    return {
      tools: tools.length,
      directActionTools: selection.direct.length,
      chars,
      estimatedTokens: estimateTokens(chars),
      omitted,
      notConverted,
    };
  }

  private current(): Listing {
    const snapshot = this.services.catalog.current();
    if (this.listing?.snapshot === snapshot) return this.listing;
    const { config } = this.services;
    // --max-tools above the default lifts the character budget with it (about 1,000 characters a tool).
    const maxChars = Math.max(DEFAULT_LIST_BUDGET_CHARS, config.maxTools * 1000);
    const reservedChars = this.generic.reduce((sum, tool) => sum + toolSize(tool), 0);
    const selection = selectDirectTools(snapshot.entries, {
      readOnly: config.readOnly,
      include: config.tools,
      exclude: config.excludeTools,
      maxTools: config.maxTools,
      maxChars,
      reservedCount: this.generic.length,
      reservedChars,
      sizeOf: (entry) =>
        toolSize({
          name: entry.toolName,
          title: entry.title,
          description: entry.description,
          inputSchema: entry.normalized!.schema,
          annotations: entry.annotations,
        }),
    });
    // Output schemas take what the budget leaves once the tools are chosen, up to a share of it: they
    // never displace a tool.
    const room = Math.min(maxChars - reservedChars - selection.chars, maxChars * OUTPUT_SCHEMA_SHARE);
    const typed = typedWithin(selection.direct, room);
    const tools = [
      ...this.generic,
      ...selection.direct.map((entry) => makeActionTool(entry, config, typed.has(entry))),
    ];
    this.listing = { snapshot, tools, byName: new Map(tools.map((tool) => [tool.name, tool])), selection };
    return this.listing;
  }

  /** Names in --tools, --exclude-tools or --read-only-allow that match no action: see catalog/unmatched.ts. */
  unmatched(snapshot: CatalogSnapshot = this.services.catalog.current()): string[] {
    if (snapshot.entries.length === 0) return [];
    return unmatchedNames(this.services.config, snapshot.entries, GENERIC_TOOL_NAMES).map(describeUnmatched);
  }

  private warnUnmatched(snapshot: CatalogSnapshot): void {
    for (const line of this.unmatched(snapshot)) {
      if (this.warned.has(line)) continue;
      this.warned.add(line);
      this.services.log.warning(line);
    }
  }
}
