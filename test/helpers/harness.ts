/**
 * Test harness: a real SDK Client talking to a real server, in memory (InMemoryTransport) or over stdio
 * (the built dist/index.js), with the Membrane CLI played by the sandbox in this process (sandboxRunner,
 * faultyRunner: no child process), or by a real executable where only a process shows what is tested
 * (sandboxCli: the sandbox bin; faultyCli: the fault bin; fixtureProcess: the scripted fake). fixtureCli
 * runs the scripted fake's function in this process. `backend: "api"` puts the REST backend in front of the
 * same stand-in, in process (backends.ts).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Client as ModernClient,
  InMemoryTransport as ModernInMemoryTransport,
} from "@modelcontextprotocol/client";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult, ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { parseCommandLine, type SchemaProfile } from "../../src/config.js";
import { ServerLogger } from "../../src/log.js";
import type { CliCommand, CommandRunner } from "../../src/membrane/cli/cli.js";
import { InProcessRunner } from "../../src/membrane/cli/in-process-runner.js";
import type { Clock } from "../../src/membrane/clock.js";
import { runnerOver } from "../../src/sandbox/launch.js";
import { sandboxApi } from "../../src/sandbox/rest/in-process.js";
import { createSandbox, type SandboxOptions } from "../../src/sandbox/sandbox.js";
import { type BuiltServer, buildServer } from "../../src/server.js";
import type { ServiceOptions } from "../../src/services.js";
import { fakeMembrane } from "../fixtures/bin/lib/face.mjs";
import { type FaultSettings, parseFaults } from "../fixtures/faulty-sandbox/faults.js";
import { faultyRunner as faultyCliRunner, faultySandbox } from "../fixtures/faulty-sandbox/faulty-face.js";
import { faultyRestApi } from "../fixtures/faulty-sandbox/rest-faults.js";
import { type FixtureName, fixturePath } from "../fixtures/paths.js";
import { type BackendName, restFor, restOfFake, restOfSandbox, withRest } from "./backends.js";
import { tempDir } from "./temp.js";
import { toolListProblems } from "./tool-list-invariants.js";

export { BACKENDS, type BackendName } from "./backends.js";
export { tempDir } from "./temp.js";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SERVER_BIN = join(REPO_ROOT, "dist", "index.js");
export const SANDBOX_BIN = join(REPO_ROOT, "dist", "sandbox", "bin.js");
/** The fault bin (test/fixtures/faulty-sandbox/bin.ts, built by the global setup; never shipped). */
export const FAULTY_SANDBOX_BIN = join(
  REPO_ROOT,
  "test",
  ".build",
  "test",
  "fixtures",
  "faulty-sandbox",
  "bin.js",
);

/**
 * The fault equipment in this process (faultyRunner of test/fixtures/faulty-sandbox), with its REST side
 * for `backend: "api"`: the same faults on the sandbox's REST face (rest-faults.ts).
 */
export function faultyRunner(faults: string, settings: Omit<FaultSettings, "faults"> = {}): CommandRunner {
  const sandbox = faultySandbox({ ...settings, faults: parseFaults(faults) });
  return withRest(faultyCliRunner(faults, settings, sandbox), () =>
    restOfSandbox(faultyRestApi(faults, settings, sandbox)),
  );
}

/** A fixture CLI as a process, as the server would run it (through this Node, as any npm-installed CLI). */
export function fixtureProcess(name: FixtureName, env: Record<string, string> = {}): CliCommand {
  return { command: process.execPath, args: [fixturePath(name)], env, display: fixturePath(name) };
}

let fakeRuns = 0;

/**
 * The scripted fake in this process (test/fixtures/bin/lib/face.mjs: the function its executable runs),
 * with `env` as the executable would read it: the same argv give the same bytes, and no process starts.
 */
export function fixtureCli(name: FixtureName, env: Record<string, string> = {}): CommandRunner {
  const runner = new InProcessRunner(fixturePath(name), async (args) => {
    const answer = await fakeMembrane(args, { ...process.env, ...env }, ++fakeRuns);
    const stdout =
      typeof answer.stdout === "string" ? answer.stdout : Buffer.from(answer.stdout).toString("utf8");
    return { stdout, stderr: answer.stderr, exitCode: answer.exitCode };
  });
  // With `backend: "api"`: the fake's REST front over the same scenario and record.
  return withRest(runner, () => restOfFake(env));
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

/** The fault bin as a CLI, with `fault` on (CUSTOMERIO_SANDBOX_FAULT) and a fresh state directory. */
export function faultyCli(fault: string, extraEnv: Record<string, string> = {}): CliCommand {
  const stateDir = tempDir("cio-test-faulty-");
  return {
    command: process.execPath,
    args: [FAULTY_SANDBOX_BIN],
    env: { CUSTOMERIO_SANDBOX_STATE_DIR: stateDir, CUSTOMERIO_SANDBOX_FAULT: fault, ...extraEnv },
    display: FAULTY_SANDBOX_BIN,
  };
}

/**
 * The sandbox in this process, as --sandbox runs it (workspace in memory unless a state folder is named);
 * with `backend: "api"`, the same sandbox's REST face (one workspace behind both faces).
 */
export function sandboxRunner(options: SandboxOptions = {}): CommandRunner {
  const sandbox = createSandbox(options);
  return withRest(runnerOver(sandbox), () => restOfSandbox(sandboxApi(sandbox)));
}

export interface InMemoryHarness {
  client: Client;
  built: BuiltServer;
  close(): Promise<void>;
}

/**
 * Starts a server in this process with `flags` (default `--no-cache`) and connects a Client to it; a
 * `clock` paces its retry waits and progress ticks (test/helpers/clocks.ts), never its deadlines.
 * `backend: "api"` puts the REST backend in front of the same fake (backends.ts: the sandbox's REST face,
 * or fake-membrane's REST front), in process.
 */
export async function startInMemory(
  cli: CliCommand | CommandRunner,
  flags: string[] = ["--no-cache"],
  options: {
    start?: boolean;
    capabilities?: ClientCapabilities;
    clock?: Clock;
    backend?: BackendName;
    /** With backend "api": replaces parts of the REST side (its fetch, its token source). */
    api?: Partial<NonNullable<ServiceOptions["api"]>>;
    /**
     * The per-call deadline in milliseconds, in place of --timeout (whole seconds, at least 1): lets a test
     * time out in a fraction of a second. Only the parsed value is replaced; the runner, the slots and the
     * deadline code (tools/deadline.ts, cli.ts, retry.ts: all count in `timeoutSeconds * 1000`) are the
     * ones production runs. Messages round it to whole seconds ("timed out after 1 s" for 600 ms).
     */
    timeoutMs?: number;
  } = {},
): Promise<InMemoryHarness> {
  const api = options.backend === "api";
  const parsed = parseCommandLine(api ? [...flags, "--backend", "api"] : flags, {}).config;
  const config =
    options.timeoutMs === undefined ? parsed : { ...parsed, timeoutSeconds: options.timeoutMs / 1000 };
  const log = new ServerLogger("error", () => {});
  const built = buildServer(config, cli, log, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(api ? { api: { ...restFor(cli), ...options.api } } : {}),
  });
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

/** The 2026-07-28 protocol era: the SDK v2 client pinned to it. */
export const MODERN_ERA = "2026-07-28";

export interface ModernInMemoryHarness {
  client: ModernClient;
  built: BuiltServer;
  close(): Promise<void>;
}

/**
 * As startInMemory, with a 2026-07-28 client (SDK v2 `@modelcontextprotocol/client`, pinned): the server
 * is served as src/serve/stdio.ts serves it (the SDK's serveStdio reading the opening message and pinning
 * an instance of either era), but over an in-memory pair instead of the process's stdin and stdout.
 * `backend: "api"` puts the REST backend in front of the same stand-in, as startInMemory does.
 */
export async function startModernInMemory(
  cli: CliCommand | CommandRunner,
  flags: string[] = ["--no-cache"],
  /** A client made (pinned, handlers set) by the test; by default one with no capabilities. */
  client: ModernClient = new ModernClient(
    { name: "modern-test-client", version: "1.0.0" },
    { versionNegotiation: { mode: { pin: MODERN_ERA } } },
  ),
  backend: BackendName = "cli",
): Promise<ModernInMemoryHarness> {
  const api = backend === "api";
  const { config } = parseCommandLine(api ? [...flags, "--backend", "api"] : flags, {});
  const built = buildServer(
    config,
    cli,
    new ServerLogger("error", () => {}),
    api ? { api: restFor(cli) } : {},
  );
  const [clientTransport, serverTransport] = ModernInMemoryTransport.createLinkedPair();
  const served = serveStdio(() => built.createInstance({ connection: true, cacheScope: "private" }), {
    legacy: "serve",
    transport: serverTransport,
  });
  await client.connect(clientTransport);
  await built.start();
  return {
    client,
    built,
    async close() {
      await client.close();
      await served.close();
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
