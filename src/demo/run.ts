/**
 * `npm run demo`: a short agent session against the embedded sandbox, printed as a readable transcript.
 * It starts the real server (dist/index.js --sandbox) over stdio with the SDK's Client, exactly as an MCP
 * client would, so what it shows is what an agent gets.
 */
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { type CallResult, printCall, printHeading, printLine } from "./transcript.js";

const serverPath = fileURLToPath(new URL("../index.js", import.meta.url));

async function main(): Promise<void> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [serverPath, "--sandbox", "--no-cache"],
    stderr: "ignore",
  });
  const client = new Client({ name: "customerio-mcp-demo", version: "1.0.0" });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as CallResult;

  const info = client.getServerVersion();
  printHeading(`Connected to ${info?.name} ${info?.version} (embedded sandbox: no account, no network)`);
  printLine((client.getInstructions() ?? "").split("\n")[0] ?? "");

  const { tools } = await client.listTools();
  const chars = JSON.stringify(tools).length;
  printHeading(
    `tools/list: ${tools.length} tools, ${chars.toLocaleString("en-US")} characters (about ${Math.ceil(chars / 4).toLocaleString("en-US")} tokens)`,
  );
  printLine(tools.map((tool) => tool.name).join(", "));

  await printCall("Check the setup", "connection_status", {}, await call("connection_status", {}), (data) => {
    const status = data as {
      connection?: { id: string; name: string; state: string };
      catalog?: { actions: number; directActionTools: number };
    };
    return `connection ${status.connection?.id} (${status.connection?.name}, ${status.connection?.state}); ${status.catalog?.actions} actions, ${status.catalog?.directActionTools} direct tools`;
  });

  const searchArgs = { query: "add people to a segment", limit: 3 };
  await printCall(
    "Find an action by intent",
    "search_actions",
    searchArgs,
    await call("search_actions", searchArgs),
    (data) =>
      (
        data as { matches: Array<{ id: string; key: string | null; name: string; toolName: string | null }> }
      ).matches
        .map((match) => `${match.name} (key ${match.key}, tool ${match.toolName ?? "run_action only"})`)
        .join("; "),
  );

  const listTool = tools.find((tool) => /list.*segment/.test(tool.name));
  if (listTool) {
    await printCall(
      "Run an action through its direct tool",
      listTool.name,
      {},
      await call(listTool.name, {}),
    );
  }

  const newSegment = { segment: { name: "Demo: trial users", description: "Created by npm run demo" } };
  await printCall(
    "Write through the raw API (proxy_request)",
    "proxy_request",
    { method: "POST", path: "/v1/segments", body: newSegment },
    await call("proxy_request", { method: "POST", path: "/v1/segments", body: newSegment }),
  );
  await printCall(
    "Read it back: the write is seen",
    "proxy_request",
    { method: "GET", path: "/v1/segments", fields: ["segments.*.name"] },
    await call("proxy_request", { method: "GET", path: "/v1/segments", fields: ["segments.*.name"] }),
  );

  await printCall(
    "Preview a risky call with dry_run",
    "proxy_request",
    { method: "DELETE", path: "/v1/segments/1", dry_run: true },
    await call("proxy_request", { method: "DELETE", path: "/v1/segments/1", dry_run: true }),
  );

  const bad = { method: "GET", path: "https://evil.example/steal" };
  await printCall(
    "A mistake gets a clear error, and nothing is sent",
    "proxy_request",
    bad,
    await call("proxy_request", bad),
  );

  await client.close();
  printHeading("Done. Use it for real: see README.md, 'Using it with Claude Desktop'.");
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
