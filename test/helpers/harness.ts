/**
 * Test harness: a real SDK Client talking to a real server, in memory (InMemoryTransport) or over stdio
 * (the built dist/index.js), with the Membrane CLI played by a real fake executable or the sandbox.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult, ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import { parseCommandLine, type SchemaProfile } from "../../src/config.js";
import { ServerLogger } from "../../src/log.js";
import type { CliCommand } from "../../src/membrane/cli.js";
import type { Clock } from "../../src/membrane/clock.js";
import { type BuiltServer, buildServer } from "../../src/server.js";
import { type FixtureName, fixturePath } from "../fixtures/paths.js";
import { tempDir } from "./temp.js";
import { toolListProblems } from "./tool-list-invariants.js";

export { tempDir } from "./temp.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SERVER_BIN = join(REPO_ROOT, "dist", "index.js");
export const SANDBOX_BIN = join(REPO_ROOT, "dist", "sandbox", "bin.js");

/** A fixture CLI as the server would run it (through this Node, as for any npm-installed CLI). */
export function fixtureCli(name: FixtureName, env: Record<string, string> = {}): CliCommand {
  return { command: process.execPath, args: [fixturePath(name)], env, display: fixturePath(name) };
}

/** The built sandbox as a CLI, with a fresh state directory. */
export function sandboxCli(extraEnv: Record<string, string> = {}): CliCommand {
  const stateDir = tempDir("cio-test-sandbox-");
  return {
    command: process.execPath,
    args: [SANDBOX_BIN],
    env: { CUSTOMERIO_SANDBOX_STATE_DIR: stateDir, ...extraEnv },
    display: SANDBOX_BIN,
  };
}

export interface InMemoryHarness {
  client: Client;
  built: BuiltServer;
  close(): Promise<void>;
}

/**
 * Starts a server in this process with `flags` (default `--no-cache`) and connects a Client to it; a
 * `clock` paces its retry waits and progress ticks (test/helpers/clocks.ts), never its deadlines.
 */
export async function startInMemory(
  cli: CliCommand,
  flags: string[] = ["--no-cache"],
  options: { start?: boolean; capabilities?: ClientCapabilities; clock?: Clock } = {},
): Promise<InMemoryHarness> {
  const { config } = parseCommandLine(flags, {});
  const log = new ServerLogger("error", () => {});
  const built = buildServer(config, cli, log, options.clock ? { clock: options.clock } : {});
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await built.server.connect(serverTransport);
  const client = new Client(
    { name: "test-client", version: "1.0.0" },
    { capabilities: options.capabilities ?? {} },
  );
  await client.connect(clientTransport);
  if (options.start !== false) await built.start();
  return {
    client,
    built,
    async close() {
      await client.close();
      await built.server.close();
    },
  };
}

export interface StdioHarness {
  client: Client;
  transport: StdioClientTransport;
  stderr: () => string;
  close(): Promise<void>;
}

/** Spawns the built server over stdio with `args` and `env`, and connects a Client. */
export async function startStdio(args: string[], env: Record<string, string> = {}): Promise<StdioHarness> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [SERVER_BIN, ...args],
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? tmpdir(), ...env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: "stdio-test-client", version: "1.0.0" }, { capabilities: {} });
  await client.connect(transport);
  return { client, transport, stderr: () => stderr, close: () => client.close() };
}

/** The text of a tool result's content blocks, joined. */
export function resultText(result: unknown): string {
  return ((result as CallToolResult).content ?? [])
    .map((block) => (block.type === "text" ? block.text : ""))
    .join("\n");
}

/** The JSON of the first content block. */
export function resultJson<T = unknown>(result: unknown): T {
  const first = (result as CallToolResult).content?.[0];
  if (first?.type !== "text") throw new Error("result has no text content");
  return JSON.parse(first.text) as T;
}

/** Throws with every broken promise of a tools/list result (SDK parse, each schema's profile rules). */
export function assertToolList(result: unknown, profile: SchemaProfile = "default"): void {
  const problems = toolListProblems(result, profile);
  if (problems.length > 0) throw new Error(`tools/list breaks its invariants:\n${problems.join("\n")}`);
}
