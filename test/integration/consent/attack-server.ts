/**
 * What the consent attacks (issue #18) need from a server, whatever runs Membrane behind it: a real MCP
 * client, the argv of every command that reached the Membrane stand-in, and a way to stop. The bodies in
 * consent-attacks.ts take a `StartAttackServer`, so the same attacks run on every backend and wire (the
 * in-memory CLI one is below; another backend passes its own).
 */

import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  Client as ModernClient,
  StreamableHTTPClientTransport as ModernHttp,
} from "@modelcontextprotocol/client";
import { StdioClientTransport as ModernStdio } from "@modelcontextprotocol/client/stdio";
import { ElicitRequestSchema, type ElicitResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import type { SchemaProfile } from "../../../src/config.js";
import { FAKE_MEMBRANE } from "../../fixtures/paths.js";
import { type Invocation, readRecords } from "../../fixtures/records.js";
import { writeScenario } from "../../fixtures/scenario.js";
import { fixtureCli, SERVER_BIN, startInMemory, tempDir } from "../../helpers/harness.js";
import { MODERN, startHttpServer } from "../../helpers/http.js";
import { consentScenario } from "./consent-scenario.js";

/** What the attacks ask of a client, whichever SDK and protocol era it speaks. */
export interface AttackClient {
  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<unknown>;
  listTools(): Promise<{ tools: Tool[] }>;
}

export interface AttackServer {
  client: AttackClient;
  /** The questions the person was asked, in order. */
  asked: string[];
  /** Every `action run` and `request` that reached Membrane. */
  runs(): Invocation[];
  close(): Promise<void>;
}

export interface AttackOptions {
  flags: string[];
  profile: SchemaProfile;
  /** Plays the person; undefined: a client that declares no elicitation. */
  person?: ((message: string) => ElicitResult) | undefined;
}

export type StartAttackServer = ((options: AttackOptions) => Promise<AttackServer>) & {
  /** False where "for this session" cannot outlive one call (stateless HTTP). */
  sessions?: boolean;
};

/** The CLI backend over the recording fake CLI, in memory. */
export const startInMemoryCli: StartAttackServer = async ({ flags, profile, person }) => {
  const record = `${tempDir()}/record.jsonl`;
  const cli = fixtureCli("fake-membrane", {
    FAKE_MEMBRANE_SCENARIO: writeScenario(consentScenario()),
    FAKE_MEMBRANE_RECORD: record,
  });
  const harness = await startInMemory(
    cli,
    ["--no-cache", "--schema-profile", profile, ...flags],
    person ? { capabilities: { elicitation: { form: {} } } } : {},
  );
  const asked: string[] = [];
  if (person)
    harness.client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked.push(request.params.message);
      return person(request.params.message);
    });
  return {
    client: harness.client as unknown as AttackClient,
    asked,
    runs: () => readRecords(record).filter((c) => c.argv[0] === "request" || c.argv[1] === "run"),
    close: () => harness.close(),
  };
};

/** The built server over stdio, with a 2026-07-28 client (SDK v2, `input_required` results). */
export const startModernStdio: StartAttackServer = async ({ flags, profile, person }) => {
  const record = `${tempDir()}/record.jsonl`;
  const client = new ModernClient(
    { name: "consent-attack-modern", version: "1.0.0" },
    {
      versionNegotiation: { mode: { pin: MODERN } },
      capabilities: person ? { elicitation: { form: {} } } : {},
    },
  );
  const asked: string[] = [];
  if (person)
    client.setRequestHandler("elicitation/create", async (request) => {
      const message = (request.params as { message: string }).message;
      asked.push(message);
      return person(message);
    });
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
      env: {
        PATH: process.env["PATH"] ?? "",
        HOME: process.env["HOME"] ?? tmpdir(),
        FAKE_MEMBRANE_SCENARIO: writeScenario(consentScenario()),
        FAKE_MEMBRANE_RECORD: record,
      },
      stderr: "pipe",
    }),
  );
  return {
    client: client as unknown as AttackClient,
    asked,
    runs: () => readRecords(record).filter((c) => c.argv[0] === "request" || c.argv[1] === "run"),
    close: () => client.close(),
  };
};

/** A v2 client pinned to 2026-07-28 that plays `person` when given. */
function modernClient(person: AttackOptions["person"], asked: string[]): ModernClient {
  const client = new ModernClient(
    { name: "consent-attack-modern", version: "1.0.0" },
    {
      versionNegotiation: { mode: { pin: MODERN } },
      capabilities: person ? { elicitation: { form: {} } } : {},
    },
  );
  if (person)
    client.setRequestHandler("elicitation/create", async (request) => {
      const message = (request.params as { message: string }).message;
      asked.push(message);
      return person(message);
    });
  return client;
}

/** The built server over stateless Streamable HTTP (--allow-writes unless read-only), a 2026-07-28 client. */
export const startModernHttp: StartAttackServer = Object.assign(
  async ({ flags, profile, person }: AttackOptions): Promise<AttackServer> => {
    const record = `${tempDir()}/record.jsonl`;
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
      { FAKE_MEMBRANE_SCENARIO: writeScenario(consentScenario()), FAKE_MEMBRANE_RECORD: record },
    );
    const token = readFileSync(join(server.configDir, "customerio-mcp", "http-token"), "utf8").trim();
    const asked: string[] = [];
    const client = modernClient(person, asked);
    await client.connect(
      new ModernHttp(new URL(server.url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
    );
    return {
      client: client as unknown as AttackClient,
      asked,
      runs: () => readRecords(record).filter((c) => c.argv[0] === "request" || c.argv[1] === "run"),
      close: async () => {
        await client.close();
        await server.stop();
      },
    };
  },
  { sessions: false },
);
