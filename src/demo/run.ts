/**
 * `npm run demo`: a short agent session against the embedded sandbox, printed as a readable transcript.
 * It starts the real server (dist/index.js --sandbox) over stdio with the SDK's Client, exactly as an MCP
 * client would, so what it shows is what an agent gets.
 */
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { type CallResult, printCall, printHeading, printLine } from "./transcript.js";

interface SearchResult {
  matches: Array<{ id: string; key: string | null; name: string; toolName: string | null }>;
}

/** The proof of the read-back: the segment's members, with the ones just added marked (or said missing). */
function readBack(data: unknown, added: readonly string[]): string {
  const ids = ((data as { identifiers?: Array<{ id?: unknown }> }).identifiers ?? []).map((item) =>
    String(item.id),
  );
  const seen = added.filter((id) => ids.includes(id));
  const marked = ids.map((id) => (added.includes(id) ? `${id} (just added)` : id));
  const verdict =
    seen.length === added.length
      ? `both people just added are members`
      : `MISSING: ${added.filter((id) => !ids.includes(id)).join(", ")}`;
  return `${ids.length} members: ${marked.join(", ")}; ${verdict}`;
}

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
  const search = await call("search_actions", searchArgs);
  await printCall("Find an action by intent", "search_actions", searchArgs, search, (data) =>
    (data as SearchResult).matches
      .map((match) => `${match.name} (key ${match.key}, tool ${match.toolName ?? "run_action only"})`)
      .join("; "),
  );
  const found = (JSON.parse(search.content?.[0]?.text ?? "{}") as SearchResult).matches[0];

  const added = ["cust_1002", "cust_1005"];
  if (found) {
    const write = { action: found.id, input: { segmentId: "4", ids: added } };
    await printCall(
      "Preview the write first (dry_run)",
      "run_action",
      { ...write, dry_run: true },
      await call("run_action", { ...write, dry_run: true }),
    );
    await printCall("Run it: a write", "run_action", write, await call("run_action", write));
  }
  const read = { segmentId: "4" };
  await printCall(
    "Read it back through a direct tool: the write is seen",
    "get_segment_membership",
    read,
    await call("get_segment_membership", read),
    (data) => readBack(data, added),
  );

  const proxy = { method: "GET", path: "/v1/segments", fields: ["segments.*.id", "segments.*.name"] };
  await printCall(
    "A raw API call for what no action covers (proxy_request)",
    "proxy_request",
    proxy,
    await call("proxy_request", proxy),
  );

  const invalid = { segmentId: "99" };
  await printCall(
    "A bad argument gets a clear error, and nothing runs",
    "get_segment_membership",
    invalid,
    await call("get_segment_membership", invalid),
  );
  const offsite = { method: "GET", path: "https://evil.example/steal" };
  await printCall(
    "The proxy stays on the Customer.io API",
    "proxy_request",
    offsite,
    await call("proxy_request", offsite),
  );

  await client.close();
  printHeading('Done. Use it for real: see "Install in a client" in README.md.');
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
