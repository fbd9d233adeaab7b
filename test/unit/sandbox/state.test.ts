// Shared, durable, concurrency-safe state across sandbox processes; the latency knob; the launch helper.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { CONNECTION, freshStateDir, REPO_ROOT, runAction, sandbox } from "./helpers.js";

let stateDir: string;
beforeEach(async () => {
  stateDir = await freshStateDir();
});

describe("workspace state", () => {
  it("seeds on first use and keeps a write for the next process", async () => {
    expect(existsSync(path.join(stateDir, "workspace.json"))).toBe(false);
    await runAction(stateDir, "set-customer-attributes", {
      customerId: "cust_1002",
      attributes: { plan: "pro" },
    });
    const attrs = (
      await sandbox(stateDir, ["request", CONNECTION, "/v1/customers/cust_1002/attributes"])
    ).json();
    expect(attrs.customer.attributes.plan).toBe("pro");
  });

  it("shares state between actions and raw requests", async () => {
    await sandbox(stateDir, [
      "request",
      CONNECTION,
      "/v1/segments",
      "-X",
      "POST",
      "-d",
      '{"segment":{"name":"Shared"}}',
    ]);
    const listed = (await runAction(stateDir, "list-segments")).json().output.segments;
    const shared = listed.find((s: { name: string }) => s.name === "Shared");
    await runAction(stateDir, "add-people-to-segment", {
      segmentId: String(shared.id),
      ids: ["cust_1001", "cust_1002"],
    });
    expect(
      (await runAction(stateDir, "get-segment-customer-count", { segmentId: String(shared.id) })).json()
        .output,
    ).toBe(2);
  });

  it("loses none of 8 concurrent writes", async () => {
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runAction(stateDir, "create-customer", { id: `conc_${i}`, email: `conc.${i}@example.com` }),
      ),
    );
    expect(runs.map((run) => run.exitCode)).toEqual(Array(8).fill(0));
    const { customers } = (await runAction(stateDir, "list-customers", { limit: 100 })).json().output;
    const ids = customers.map((c: { id: string }) => c.id);
    for (let i = 0; i < 8; i++) expect(ids).toContain(`conc_${i}`);
    expect(customers).toHaveLength(12 + 8);
  });

  it("keeps separate state directories apart", async () => {
    await runAction(stateDir, "delete-customer", { id: "cust_1001" });
    const other = await freshStateDir();
    expect((await runAction(other, "get-customer", { id: "cust_1001" })).exitCode).toBe(0);
    expect((await runAction(stateDir, "get-customer", { id: "cust_1001" })).exitCode).toBe(1);
  });
});

describe("knobs and launch", () => {
  it("sleeps CUSTOMERIO_SANDBOX_LATENCY_MS before answering", async () => {
    const started = Date.now();
    const run = await sandbox(stateDir, ["--version"], { CUSTOMERIO_SANDBOX_LATENCY_MS: "600" });
    expect(run.exitCode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });

  it("createSandboxLaunch gives a runnable command with a fresh state dir", async () => {
    const launchModule = pathToFileURL(path.join(REPO_ROOT, "dist/sandbox/launch.js")).href;
    const { createSandboxLaunch } = await import(launchModule);
    const launch = await createSandboxLaunch();
    expect(launch.command).toBe(process.execPath);
    expect(launch.args).toEqual([path.join(REPO_ROOT, "dist/sandbox/bin.js")]);
    expect(launch.env).toEqual({ CUSTOMERIO_SANDBOX_STATE_DIR: launch.stateDir });
    expect(path.basename(launch.stateDir)).toMatch(/^customerio-mcp-sandbox-/);
    expect(existsSync(launch.stateDir)).toBe(true);
    launch.dispose();
    expect(existsSync(launch.stateDir)).toBe(false);
    const given = await createSandboxLaunch({ stateDir });
    expect(given.stateDir).toBe(stateDir);
    given.dispose();
    expect(existsSync(stateDir)).toBe(true);
  });
});
