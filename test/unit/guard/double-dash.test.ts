/**
 * The server puts `--` before the positionals of `action run` and `request`, so an id or a path can never
 * read as a flag. The Membrane CLI parses with commander, which ends options at `--`; the sandbox and the
 * fixture CLI must accept the same argv, with what follows `--` taken as positionals even when it looks
 * like a flag.
 */
import { describe, expect, it } from "vitest";
import { fakeMembrane } from "../../fixtures/bin/lib/face.mjs";
import { CONNECTION, freshStateDir, sandbox } from "../sandbox/helpers.js";

/**
 * Runs the fixture CLI's function (what its executable runs) in this process on the default scenario
 * (connection conn-1, no scripted runs).
 */
async function fakeRun(args: string[]) {
  const answer = await fakeMembrane(args, { PATH: process.env["PATH"] ?? "" }, process.pid);
  return {
    status: answer.exitCode,
    stdout: Buffer.from(answer.stdout).toString("utf8"),
    stderr: answer.stderr,
  };
}

async function fake(args: string[]): Promise<unknown> {
  const run = await fakeRun(args);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe("-- before positionals", () => {
  it("the fixture CLI runs an action and a request given after --", async () => {
    const run = await fake([
      "action",
      "run",
      "--connectionId=conn-1",
      '--input={"id":"7"}',
      "--json",
      "--",
      "act-get-customer",
    ]);
    expect(run).toMatchObject({ output: { echo: { id: "7" }, action: "act-get-customer" } });
    const request = await fake([
      "request",
      "--method=GET",
      "--query=limit=5",
      "--",
      "conn-1",
      "/v1/segments",
    ]);
    expect(request).toEqual({
      method: "GET",
      path: "/v1/segments",
      query: ["limit=5"],
      headers: [],
      data: null,
    });
  });

  it("the fixture CLI reads a flag-like word after -- as a positional", async () => {
    const run = await fakeRun(["action", "run", "--connectionId=conn-1", "--json", "--", "--help"]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("Action not found");
  });

  it("the sandbox runs an action and a request given after --", async () => {
    const state = await freshStateDir();
    const run = await sandbox(state, [
      "action",
      "run",
      `--connectionId=${CONNECTION}`,
      "--input={}",
      "--json",
      "--",
      "get-workspace-region",
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.json().output).toMatch(/^(us|eu)$/);
    const request = await sandbox(state, [
      "request",
      "--method=GET",
      "--json",
      "--",
      CONNECTION,
      "/v1/segments",
    ]);
    expect(request.exitCode, request.stderr).toBe(0);
    expect(request.stdout).toContain("segments");
  });

  it("the sandbox reads a flag-like word after -- as a positional, not as --help", async () => {
    const state = await freshStateDir();
    const run = await sandbox(state, [
      "action",
      "run",
      `--connectionId=${CONNECTION}`,
      "--json",
      "--",
      "--help",
    ]);
    expect(run.stdout).not.toContain("Usage:");
    expect(run.exitCode).not.toBe(0);
  });
});
