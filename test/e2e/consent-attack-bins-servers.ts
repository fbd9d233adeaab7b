/**
 * The consent attacks' server as the built bins (dist/index.js) over the recording fake CLI as a process,
 * with a 2026-07-28 client: over stdio, and over stateless Streamable HTTP with the token the bin
 * generated. Only a few attacks run here (test/e2e/consent-attack-bins.test.ts): the rest run the same
 * serving code in this process (attack-server.ts, attack-http.ts).
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StdioClientTransport as ModernStdio } from "@modelcontextprotocol/client/stdio";
import { FAKE_MEMBRANE } from "../fixtures/paths.js";
import { SERVER_BIN } from "../helpers/harness.js";
import { startHttpServer } from "../helpers/http.js";
import {
  type AttackClient,
  type AttackOptions,
  type AttackServer,
  modernClient,
  modernHttpClient,
  recordingEnv,
  type StartAttackServer,
} from "../integration/consent/attack-server.js";

/** The built server over stdio. */
export const startModernStdio: StartAttackServer = async ({ flags, profile, person }) => {
  const { env, runs } = recordingEnv();
  const asked: string[] = [];
  const client = modernClient(person, asked);
  await client.connect(
    new ModernStdio({
      command: process.execPath,
      args: [
        SERVER_BIN,
        "--membrane-cli",
        FAKE_MEMBRANE,
        "--no-cache",
        "--schema-profile",
        profile,
        ...flags,
      ],
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? tmpdir(), ...env },
      stderr: "pipe",
    }),
  );
  return { client: client as unknown as AttackClient, asked, runs, close: () => client.close() };
};

/** The built server over stateless Streamable HTTP (--allow-writes unless read-only). */
export const startModernHttp: StartAttackServer = Object.assign(
  async ({ flags, profile, person }: AttackOptions): Promise<AttackServer> => {
    const { env, runs } = recordingEnv();
    const server = await startHttpServer(
      [
        "--membrane-cli",
        FAKE_MEMBRANE,
        "--no-cache",
        "--schema-profile",
        profile,
        ...(flags.includes("--read-only") ? [] : ["--allow-writes"]),
        ...flags,
      ],
      env,
    );
    const token = readFileSync(join(server.configDir, "customerio-mcp", "http-token"), "utf8").trim();
    const { client, asked } = await modernHttpClient(person, server.url, token);
    return {
      client: client as unknown as AttackClient,
      asked,
      runs,
      close: async () => {
        await client.close();
        await server.stop();
      },
    };
  },
  { sessions: false },
);
