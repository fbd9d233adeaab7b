/**
 * Each setup failure a person can meet (no CLI, not logged in, no connection, two connections, a connection
 * to reconnect) comes back as an error result with the message that says what to do, and
 * connection_status reports it as data with the next step.
 */
import { describe, expect, it } from "vitest";
import type { CliCommand, CommandRunner } from "../../src/membrane/cli/cli.js";
import { faultyRunner, resultJson, resultText, startInMemory } from "../helpers/harness.js";

/** The sandbox in this process with one account-state fault on (test/fixtures/faulty-sandbox). */
const faulty = (fault: string) => faultyRunner(fault);

async function callWith(cli: CliCommand | CommandRunner, flags: string[] = ["--no-cache"]) {
  const harness = await startInMemory(cli, flags);
  try {
    const run = await harness.client.callTool({
      name: "run_action",
      arguments: { action: "list-customers" },
    });
    const status = await harness.client.callTool({ name: "connection_status", arguments: {} });
    return { run, status: resultJson<Record<string, unknown>>(status), statusResult: status };
  } finally {
    await harness.close();
  }
}

describe("setup failures", () => {
  it("a missing CLI says where it was looked for and how to install it", async () => {
    const missing: CliCommand = {
      command: "/nonexistent/bin/membrane",
      args: [],
      env: {},
      display: "/nonexistent/bin/membrane",
    };
    const { run, status } = await callWith(missing);
    expect(run.isError).toBe(true);
    expect(resultText(run)).toContain("Membrane CLI not found at `/nonexistent/bin/membrane`");
    expect(resultText(run)).toContain("npm i -g @membranehq/cli");
    expect(resultText(run)).toMatch(/MEMBRANE_CLI/);
    expect(status).toMatchObject({ ok: false, cli: { found: false } });
    expect(String(status["nextStep"])).toContain("npm i -g @membranehq/cli");
  });

  it("not logged in tells the person to run membrane login", async () => {
    const { run, status } = await callWith(faulty("not-logged-in"));
    expect(run.isError).toBe(true);
    expect(resultText(run)).toContain("membrane login --tenant");
    expect(status).toMatchObject({ ok: false, loggedIn: false, cli: { found: true } });
    expect(String(status["nextStep"])).toContain("membrane login --tenant");
  });

  it("no Customer.io connection explains how to create one", async () => {
    const { run, status } = await callWith(faulty("no-connection"));
    expect(run.isError).toBe(true);
    expect(resultText(run)).toContain("membrane search customerio --elementType=connector --json");
    expect(resultText(run)).toContain("membrane connect --connectorId=");
    expect(status).toMatchObject({ ok: false, loggedIn: true, connection: null });
  });

  it("two connections lists both and asks to choose one", async () => {
    const { run } = await callWith(faulty("two-connections"));
    expect(run.isError).toBe(true);
    const text = resultText(run);
    expect(text).toContain("sandbox-customerio");
    expect(text).toContain("sandbox-customerio-staging");
    expect(text).toContain("CUSTOMERIO_CONNECTION_ID");
  });

  it("two connections work once one is chosen", async () => {
    const harness = await startInMemory(faulty("two-connections"), [
      "--no-cache",
      "--connection-id",
      "sandbox-customerio-staging",
    ]);
    try {
      const status = resultJson<Record<string, unknown>>(
        await harness.client.callTool({ name: "connection_status", arguments: {} }),
      );
      expect(status).toMatchObject({
        ok: true,
        connection: { id: "sandbox-customerio-staging", name: "Customer.io (sandbox staging)" },
      });
    } finally {
      await harness.close();
    }
  });

  it("a connection that needs reconnecting gives the URL and the command", async () => {
    const { run, status } = await callWith(faulty("reconnect-needed"));
    expect(run.isError).toBe(true);
    const text = resultText(run);
    expect(text).toContain("https://console.example/connect/sandbox");
    expect(text).toContain("membrane connect --connectionId=sandbox-customerio --json");
    expect(String(status["nextStep"])).toContain("https://console.example/connect/sandbox");
  });

  it("an unknown configured connection id names the ones that exist", async () => {
    const { run } = await callWith(faulty("two-connections"), ["--no-cache", "--connection-id", "nope"]);
    expect(resultText(run)).toMatch(/nope.*not found/);
    expect(resultText(run)).toContain("sandbox-customerio");
  });
});
