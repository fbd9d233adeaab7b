/**
 * One server over a sandbox catalog of a given size (the sandbox's own actions plus n generated ones, via
 * CUSTOMERIO_SANDBOX_EXTRA_ACTIONS): discover, list, search and run once like an agent would, and report
 * the tools/list size and the server's peak resident memory. Used by the token and memory rows.
 */
import { isActionTool, peakRssMiB, resultData, startServer, waitForDiscovery } from "./mcp.mjs";
import { SANDBOX_BIN, tempDir } from "./util.mjs";

export async function runCatalog(extraActions) {
  const env = {
    CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("state"),
    CUSTOMERIO_SANDBOX_EXTRA_ACTIONS: String(extraActions),
  };
  const server = await startServer({ args: ["--membrane-cli", SANDBOX_BIN, "--no-cache"], env });
  try {
    const catalog = await waitForDiscovery(server.client);
    const { tools } = await server.client.listTools();
    const found = resultData(
      await server.client.callTool({ name: "search_actions", arguments: { query: "list", limit: 10 } }),
    );
    const action =
      found.matches.find((match) => match.readOnly && match.key === "list-customers") ??
      found.matches.find((match) => match.readOnly);
    if (action)
      await server.client.callTool({ name: "run_action", arguments: { action: action.id, input: {} } });
    const listed = tools.map(({ name, title, description, inputSchema, outputSchema, annotations }) => ({
      name,
      title,
      description,
      inputSchema,
      ...(outputSchema ? { outputSchema } : {}),
      annotations,
    }));
    return {
      actions: catalog.actions,
      tools: tools.length,
      directTools: tools.filter(isActionTool).length,
      chars: JSON.stringify(listed).length,
      peakRssMiB: peakRssMiB(server.pid),
    };
  } finally {
    await server.close();
  }
}
