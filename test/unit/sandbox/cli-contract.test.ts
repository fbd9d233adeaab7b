// The sandbox speaks the Membrane CLI contract: version, connections, connector search, connect, usage errors.
import { beforeEach, describe, expect, it } from "vitest";
import { CONNECTION, freshStateDir, sandbox } from "./helpers.js";

let stateDir: string;
beforeEach(async () => {
  stateDir = await freshStateDir();
});

describe("sandbox CLI contract", () => {
  it("prints a version line", async () => {
    const run = await sandbox(stateDir, ["--version"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+ \(customerio-mcp sandbox\)$/);
  });

  it("lists one READY Customer.io connection", async () => {
    const run = await sandbox(stateDir, ["connection", "list", "--json"]);
    expect(run.exitCode).toBe(0);
    const { items } = run.json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: CONNECTION,
      name: "Customer.io (sandbox)",
      state: "READY",
      disconnected: false,
      integration: { key: "customerio", name: "Customer.io" },
    });
    expect(items[0]).not.toHaveProperty("connectionId");
  });

  it("finds the Customer.io connector and connects by connector or connection id", async () => {
    const found = await sandbox(stateDir, ["search", "customerio", "--elementType=connector", "--json"]);
    const [hit] = found.json().items;
    expect(hit).toMatchObject({ elementType: "connector", element: { name: "Customer.io" } });
    const byConnector = await sandbox(stateDir, ["connect", `--connectorId=${hit.element.id}`, "--json"]);
    expect(byConnector.json()).toMatchObject({ id: CONNECTION, state: "READY" });
    const byConnection = await sandbox(stateDir, ["connect", "--connectionId", CONNECTION, "--json"]);
    expect(byConnection.json()).toMatchObject({ id: CONNECTION });
  });

  it("returns no connector for an unrelated search term", async () => {
    const run = await sandbox(stateDir, ["search", "salesforce", "--elementType=connector", "--json"]);
    expect(run.json()).toEqual({ items: [] });
  });

  it("exits 2 with text for an unknown command or missing option", async () => {
    const unknown = await sandbox(stateDir, ["frobnicate", "--json"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("unknown command");
    const missing = await sandbox(stateDir, ["action", "list", "--json"]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("--connectionId");
  });

  it("fails with one JSON line for an unknown connection", async () => {
    const run = await sandbox(stateDir, ["action", "list", "--connectionId=nope", "--json"]);
    expect(run.exitCode).toBe(1);
    expect(run.error()).toMatchObject({ status: 404, message: expect.stringContaining("nope") });
    expect(run.stdout).toBe("");
  });

  it("accepts flags in either form and position", async () => {
    const run = await sandbox(stateDir, [
      "--json",
      "action",
      "--limit",
      "3",
      "list",
      "--connectionId",
      CONNECTION,
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.json().items).toHaveLength(3);
  });

  it("refuses, as commander does, a flag outside the contract or one the command does not take", async () => {
    const unknown = await sandbox(stateDir, ["action", "list", `--connectionId=${CONNECTION}`, "--future=1"]);
    expect([unknown.exitCode, unknown.stderr.trim()]).toEqual([2, "error: unknown option '--future'"]);
    const misplaced = await sandbox(stateDir, ["connection", "list", "--json", "--input={}"]);
    expect(misplaced.exitCode).toBe(2);
    expect(misplaced.stderr).toContain("unknown option '--input' for 'connection list'");
  });
});
