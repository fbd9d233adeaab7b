// Shared, durable state in a folder across sandboxes; the workspace in memory of the in-process sandbox
// (--sandbox); the latency knob. The bin's processes (8 concurrent writers, the same bytes as in process)
// are test/e2e/sandbox-bin-state.test.ts.
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../../src/sandbox/cli/face.js";
import { inProcessSandbox, SANDBOX_DISPLAY } from "../../../src/sandbox/launch.js";
import { createSandbox } from "../../../src/sandbox/sandbox.js";
import { CONNECTION, freshStateDir, runAction, sandbox } from "./helpers.js";

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

  it("keeps separate state directories apart", async () => {
    await runAction(stateDir, "delete-customer", { id: "cust_1001" });
    const other = await freshStateDir();
    expect((await runAction(other, "get-customer", { id: "cust_1001" })).exitCode).toBe(0);
    expect((await runAction(stateDir, "get-customer", { id: "cust_1001" })).exitCode).toBe(1);
  });
});

const create = (id: string) => [
  "action",
  "run",
  "create-customer",
  `--connectionId=${CONNECTION}`,
  `--input=${JSON.stringify({ id, email: `${id}@example.com` })}`,
  "--json",
];
const get = (id: string) => [
  "action",
  "run",
  "get-customer",
  `--connectionId=${CONNECTION}`,
  `--input=${JSON.stringify({ id })}`,
  "--json",
];

describe("the in-process sandbox (--sandbox)", () => {
  const run = async (argv: string[], sandbox = inProcessSandbox()) =>
    sandbox.run(argv, { signal: new AbortController().signal, maxOutputBytes: 10_000_000 });
  it("keeps its workspace in memory: a write is seen by the next call, not by another sandbox", async () => {
    const runner = inProcessSandbox();
    expect(runner.display).toBe(SANDBOX_DISPLAY);
    expect((await run(create("mem_1"), runner)).exitCode).toBe(0);
    expect((await run(get("mem_1"), runner)).exitCode).toBe(0);
    expect((await run(get("mem_1"))).exitCode).toBe(1);
  });

  it("loses none of 8 concurrent writes to its memory", async () => {
    const runner = inProcessSandbox();
    const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => run(create(`mem_conc_${i}`), runner)));
    expect(runs.map((answer) => answer.exitCode)).toEqual(Array(8).fill(0));
    const listed = await run(
      ["action", "run", "list-customers", `--connectionId=${CONNECTION}`, '--input={"limit":100}', "--json"],
      runner,
    );
    expect(JSON.parse(listed.stdout).output.customers).toHaveLength(12 + 8);
  });

  it("a failed write changes nothing", async () => {
    const runner = inProcessSandbox();
    await run(create("dup_1"), runner);
    const again = await run(create("dup_1"), runner);
    expect(again.exitCode).toBe(1);
    const listed = await run(
      ["action", "run", "list-customers", `--connectionId=${CONNECTION}`, '--input={"limit":100}', "--json"],
      runner,
    );
    expect(JSON.parse(listed.stdout).output.customers).toHaveLength(13);
  });
});

describe("knobs", () => {
  it("waits CUSTOMERIO_SANDBOX_LATENCY_MS before answering (a run stopped meanwhile never runs)", async () => {
    const controller = new AbortController();
    const sandbox = createSandbox({ stateDir, latencyMs: 60_000 });
    const answer = runCli(sandbox, create("late_1"), { signal: controller.signal });
    controller.abort();
    expect(await answer).toEqual({ stdout: "", stderr: "", exitCode: 130 });
    expect(existsSync(path.join(stateDir, "workspace.json"))).toBe(false);
  });
});
