#!/usr/bin/env node
/**
 * The start-up baseline: the smallest useful MCP server the SDK allows (McpServer, one tool, stdio).
 * customerio-mcp's start-up is measured against this in the same run.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const server = new McpServer({ name: "baseline", version: "0.0.0" });
server.registerTool("echo", { description: "Echo text", inputSchema: { text: z.string() } }, ({ text }) => ({
  content: [{ type: "text", text }],
}));
await server.connect(new StdioServerTransport());
