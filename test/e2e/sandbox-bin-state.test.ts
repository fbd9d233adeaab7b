/**
 * The sandbox bin (dist/sandbox/bin.js) as real processes, for what only processes show: eight processes
 * writing to one state folder at once lose no write (the cross-process lock), and the in-process sandbox
 * (--sandbox) prints exactly what the bin prints for the same argv, final newline aside. The state rules in
 * one process are test/unit/sandbox/state.test.ts.
 */
import { execa } from "execa";
import { beforeEach, describe, expect, it } from "vitest";
import { inProcessSandbox } from "../../src/sandbox/launch.js";
import { SANDBOX_BIN } from "../helpers/harness.js";
import { CONNECTION, freshStateDir, runAction, type SandboxRun, toRun } from "../unit/sandbox/helpers.js";

/** The built bin as a real process over `stateDir`, with none of the sandbox's knobs from this environment. */
async function sandboxProcess(stateDir: string, args: string[]): Promise<SandboxRun> {
  const result = await execa(process.execPath, [SANDBOX_BIN, ...args], {
    reject: false,
    env: {
      CUSTOMERIO_SANDBOX_STATE_DIR: stateDir,
      CUSTOMERIO_SANDBOX_EXTRA_ACTIONS: "",
      CUSTOMERIO_SANDBOX_LATENCY_MS: "",
    },
  });
  return toRun(result.exitCode ?? -1, String(result.stdout), String(result.stderr));
}

let stateDir: string;
beforeEach(async () => {
  stateDir = await freshStateDir();
});

const run = async (argv: string[], sandbox = inProcessSandbox()) =>
  sandbox.run(argv, { signal: new AbortController().signal, maxOutputBytes: 10_000_000 });

describe("the sandbox bin's state, across processes", () => {
  it("loses none of 8 concurrent writes by 8 processes", async () => {
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sandboxProcess(stateDir, [
          "action",
          "run",
          "create-customer",
          `--connectionId=${CONNECTION}`,
          `--input=${JSON.stringify({ id: `conc_${i}`, email: `conc.${i}@example.com` })}`,
          "--json",
        ]),
      ),
    );
    expect(runs.map((run) => run.exitCode)).toEqual(Array(8).fill(0));
    const { customers } = (await runAction(stateDir, "list-customers", { limit: 100 })).json().output;
    const ids = customers.map((c: { id: string }) => c.id);
    for (let i = 0; i < 8; i++) expect(ids).toContain(`conc_${i}`);
    expect(customers).toHaveLength(12 + 8);
  });
});

describe("the in-process sandbox against the bin", () => {
  it("prints exactly what the bin prints, final newline aside", async () => {
    const argv = ["action", "list", `--connectionId=${CONNECTION}`, "--limit=3", "--json"];
    const inProcess = await run(argv);
    const bin = await sandboxProcess(stateDir, argv);
    expect([inProcess.exitCode, inProcess.stdout, inProcess.stderr]).toEqual([0, bin.stdout, ""]);
    const bad = await run(["action", "run", `--connectionId=${CONNECTION}`, "--json"]);
    const badBin = await sandboxProcess(stateDir, [
      "action",
      "run",
      `--connectionId=${CONNECTION}`,
      "--json",
    ]);
    expect([bad.exitCode, bad.stderr]).toEqual([badBin.exitCode, badBin.stderr]);
  });
});
