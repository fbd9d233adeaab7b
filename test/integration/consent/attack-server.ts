/**
 * What the consent attacks (issue #18) need from a server, whatever runs Membrane behind it: a real MCP
 * client, the argv of every command that reached the Membrane stand-in, and a way to stop. The bodies in
 * consent-attacks.ts take a `StartAttackServer`, so the same attacks run on every backend and wire (the
 * in-memory CLI one is below; another backend passes its own).
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ElicitRequestSchema, type ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import type { SchemaProfile } from "../../../src/config.js";
import { type Invocation, readRecords } from "../../fixtures/records.js";
import { writeScenario } from "../../fixtures/scenario.js";
import { fixtureCli, startInMemory, tempDir } from "../../helpers/harness.js";
import { consentScenario } from "./consent-scenario.js";

export interface AttackServer {
  client: Client;
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

export type StartAttackServer = (options: AttackOptions) => Promise<AttackServer>;

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
    client: harness.client,
    asked,
    runs: () => readRecords(record).filter((c) => c.argv[0] === "request" || c.argv[1] === "run"),
    close: () => harness.close(),
  };
};
