/**
 * What the consent attacks (issue #18) need from a server, whatever runs Membrane behind it: a real MCP
 * client, the argv of every command that reached the Membrane stand-in, and a way to stop. The bodies in
 * consent-attacks.ts take a `StartAttackServer`, so the same attacks run on every backend and wire: here
 * the ones in this process (both protocol eras in memory, and the HTTP app on loopback); the built bins
 * are in test/e2e/consent-attack-bins-servers.ts (the process layer).
 */

import {
  Client as ModernClient,
  StreamableHTTPClientTransport as ModernHttp,
} from "@modelcontextprotocol/client";
import { ElicitRequestSchema, type ElicitResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import type { SchemaProfile } from "../../../src/config.js";
import type { CommandRunner } from "../../../src/membrane/cli/cli.js";
import { type Invocation, readRecords } from "../../fixtures/records.js";
import { writeScenario } from "../../fixtures/scenario.js";
import {
  type BackendName,
  fixtureCli,
  MODERN_ERA,
  startInMemory,
  startModernInMemory,
  tempDir,
} from "../../helpers/harness.js";
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

/** The recording fake CLI's environment: the consent catalog, and a fresh file for what reached it. */
export function recordingEnv(): { env: Record<string, string>; runs: () => Invocation[] } {
  const record = `${tempDir()}/record.jsonl`;
  return {
    env: { FAKE_MEMBRANE_SCENARIO: writeScenario(consentScenario()), FAKE_MEMBRANE_RECORD: record },
    runs: () => readRecords(record).filter((c) => c.argv[0] === "request" || c.argv[1] === "run"),
  };
}

/** The recording fake CLI in this process, and what reached it. */
export function recordingCli(): { cli: CommandRunner; runs: () => Invocation[] } {
  const { env, runs } = recordingEnv();
  return { cli: fixtureCli("fake-membrane", env), runs };
}

/** modernClient connected over Streamable HTTP to `url` with the bearer `token`; its questions go to `asked`. */
export async function modernHttpClient(person: AttackOptions["person"], url: string, token: string) {
  const asked: string[] = [];
  const client = modernClient(person, asked);
  await client.connect(
    new ModernHttp(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return { client, asked };
}

/** A v2 client pinned to 2026-07-28 that plays `person` when given (its questions go to `asked`). */
export function modernClient(person: AttackOptions["person"], asked: string[]): ModernClient {
  const client = new ModernClient(
    { name: "consent-attack-modern", version: "1.0.0" },
    {
      versionNegotiation: { mode: { pin: MODERN_ERA } },
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

/**
 * A backend over the recording fake CLI, in memory, with a 2025-11-25 client. With the REST backend the
 * fake's REST front answers and records each request as the command it stands for, so `runs` counts the
 * same way on both.
 */
export const startInMemoryOn =
  (backend: BackendName): StartAttackServer =>
  async ({ flags, profile, person }) => {
    const { cli, runs } = recordingCli();
    const harness = await startInMemory(cli, ["--no-cache", "--schema-profile", profile, ...flags], {
      backend,
      ...(person ? { capabilities: { elicitation: { form: {} } } } : {}),
    });
    const asked: string[] = [];
    if (person)
      harness.client.setRequestHandler(ElicitRequestSchema, async (request) => {
        asked.push(request.params.message);
        return person(request.params.message);
      });
    return { client: harness.client as unknown as AttackClient, asked, runs, close: () => harness.close() };
  };

/**
 * The same, with a 2026-07-28 client (`input_required` confirmations), served as the stdio bin serves
 * (the SDK's serveStdio) over an in-memory pair.
 */
export const startModernInMemoryOn =
  (backend: BackendName): StartAttackServer =>
  async ({ flags, profile, person }) => {
    const { cli, runs } = recordingCli();
    const asked: string[] = [];
    const harness = await startModernInMemory(
      cli,
      ["--no-cache", "--schema-profile", profile, ...flags],
      modernClient(person, asked),
      backend,
    );
    return { client: harness.client as unknown as AttackClient, asked, runs, close: () => harness.close() };
  };

export const startInMemoryCli = startInMemoryOn("cli");
export const startModernInMemoryCli = startModernInMemoryOn("cli");
