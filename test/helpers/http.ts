/**
 * The built server over Streamable HTTP for tests: spawned on a free loopback port with a fresh config dir
 * (so a generated token lands in a temp file), plus real SDK clients of both protocol eras: the v1
 * `@modelcontextprotocol/sdk` Client (2025-11-25) and the v2 `@modelcontextprotocol/client` pinned to
 * 2026-07-28, over HTTP or stdio.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import {
  Client as ModernClient,
  StreamableHTTPClientTransport as ModernHttp,
} from "@modelcontextprotocol/client";
import { StdioClientTransport as ModernStdio } from "@modelcontextprotocol/client/stdio";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as LegacyHttp } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SERVER_BIN, tempDir } from "./harness.js";

export const MODERN = "2026-07-28";

export interface HttpServerProcess {
  url: string;
  child: ChildProcess;
  configDir: string;
  stderr(): string;
  /** The token file the start-up lines name (generated in configDir, or a temporary one for the sandbox). */
  tokenFile(): string;
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `dist/index.js --transport http --port 0 ...args` and waits for its "listening on" line. */
export async function startHttpServer(
  args: string[],
  env: Record<string, string> = {},
): Promise<HttpServerProcess> {
  const configDir = tempDir("cio-http-config-");
  const child = spawn(process.execPath, [SERVER_BIN, "--transport", "http", "--port", "0", ...args], {
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: process.env["HOME"] ?? tmpdir(),
      XDG_CONFIG_HOME: configDir,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 25);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    child,
    configDir,
    stderr: () => stderr,
    tokenFile: () => /bearer token in (\S+)/.exec(stderr)?.[1] ?? "",
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

const authHeaders = (token?: string): Record<string, string> =>
  token ? { Authorization: `Bearer ${token}` } : {};

/** A 2025-11-25 client (SDK v1) over Streamable HTTP. */
export async function legacyHttpClient(url: string, token?: string): Promise<LegacyClient> {
  const client = new LegacyClient({ name: "legacy-http-test", version: "1.0.0" }, { capabilities: {} });
  await client.connect(new LegacyHttp(new URL(url), { requestInit: { headers: authHeaders(token) } }));
  return client;
}

/** A 2026-07-28 client (SDK v2, pinned) over Streamable HTTP. */
export async function modernHttpClient(url: string, token?: string): Promise<ModernClient> {
  const client = new ModernClient(
    { name: "modern-http-test", version: "1.0.0" },
    { versionNegotiation: { mode: { pin: MODERN } } },
  );
  await client.connect(new ModernHttp(new URL(url), { requestInit: { headers: authHeaders(token) } }));
  return client;
}

/** A 2026-07-28 client (SDK v2, pinned) spawning the built server over stdio. */
export async function modernStdioClient(args: string[], env: Record<string, string> = {}) {
  const client = new ModernClient(
    { name: "modern-stdio-test", version: "1.0.0" },
    { versionNegotiation: { mode: { pin: MODERN } } },
  );
  const transport = new ModernStdio({
    command: process.execPath,
    args: [SERVER_BIN, ...args],
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? tmpdir(), ...env },
    stderr: "pipe",
  });
  await client.connect(transport);
  return client;
}
