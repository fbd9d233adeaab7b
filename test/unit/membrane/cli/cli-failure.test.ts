/**
 * classifyFailure on runner-neutral outcomes (plain objects: no process is needed to read one):
 * each way a run fails becomes the CliError kind, message and details a person can act on.
 */
import { describe, expect, it } from "vitest";
import { CliError } from "../../../../src/errors.js";
import { classifyFailure } from "../../../../src/membrane/cli/cli-failure.js";
import type { RunOutcome } from "../../../../src/membrane/cli/runner.js";

const MAX_OUTPUT = 32 * 1024 * 1024;

/** A failed run: exit code 1 with empty output unless `fields` say otherwise. */
function failed(fields: Partial<RunOutcome>): RunOutcome {
  return { exitCode: 1, stdout: "", stderr: "", ...fields };
}

const classify = (fields: Partial<RunOutcome>) =>
  classifyFailure(failed(fields), "/opt/membrane", MAX_OUTPUT);

describe("classifyFailure", () => {
  it("reports a missing CLI by the path a person configured", () => {
    const error = classify({ exitCode: undefined, startError: "ENOENT" });
    expect(error).toBeInstanceOf(CliError);
    expect(error.kind).toBe("not-found");
    expect(error.message).toBe("Membrane CLI not found at `/opt/membrane`.");
    expect(error.hint).toMatch(/npm i -g @membranehq\/cli/);
  });

  it("says when the CLI is there but not executable", () => {
    const error = classify({ exitCode: undefined, startError: "EACCES" });
    expect(error.kind).toBe("not-found");
    expect(error.message).toContain("(not executable)");
    expect(error.hint).toMatch(/^Make it executable \(`chmod \+x \/opt\/membrane`\)/);
  });

  it("reports output over the cap with the cap in MB", () => {
    const error = classify({ outputTooLarge: true, stdout: "x".repeat(100) });
    expect(error.kind).toBe("too-large");
    expect(error.message).toContain("more than 34 MB");
  });

  it("reports E2BIG without repeating the command line", () => {
    const error = classify({
      exitCode: undefined,
      startError: "E2BIG",
      stderr: "spawn E2BIG: /opt/membrane request --query=secret-value",
    });
    expect(error.kind).toBe("too-large");
    expect(error.message).toContain("E2BIG");
    expect(error.message).not.toContain("secret-value");
  });

  it("reports any other spawn failure with its code", () => {
    const error = classify({ exitCode: undefined, startError: "EMFILE" });
    expect(error.kind).toBe("spawn");
    expect(error.message).toContain("(EMFILE)");
  });

  it("reads a 429's status and Retry-After from a JSON error on stderr", () => {
    const error = classify({
      stderr: JSON.stringify({ error: { message: "Too Many Requests", status: 429, retryAfter: 7 } }),
    });
    expect(error).toMatchObject({ kind: "exit", status: 429, retryAfterSeconds: 7, exitCode: 1 });
    expect(error.message).toBe("The Membrane CLI exited with code 1: Too Many Requests");
    expect(error.hint).toMatch(/rate limit/);
  });

  it("reads Retry-After from the error's headers, as text", () => {
    const error = classify({
      stderr: `warning: slow\n${JSON.stringify({ error: { message: "Slow down", status: 429, headers: { "retry-after": "12" } } })}`,
    });
    expect(error.retryAfterSeconds).toBe(12);
  });

  it("reads a JSON error on stdout when stderr has none, with the upstream's own details", () => {
    const error = classify({
      stdout: JSON.stringify({
        error: { message: "Request failed", status: 422, data: { errors: [{ detail: "email is invalid" }] } },
        actionRunId: "run-42",
      }),
    });
    expect(error).toMatchObject({ kind: "exit", status: 422, actionRunId: "run-42" });
    expect(error.message).toBe("The Membrane CLI exited with code 1: Request failed: email is invalid");
    expect(error.hint).toMatch(/Fix the input/);
  });

  it("keeps the text of stderr without stack frames", () => {
    const error = classify({
      exitCode: 3,
      stderr: "Error: connection refused\n    at connect (net.js:1:1)\n    at main (cli.js:9:9)\n",
    });
    expect(error.kind).toBe("exit");
    expect(error.status).toBeUndefined();
    expect(error.message).toBe("The Membrane CLI exited with code 3: Error: connection refused");
  });

  it("recognises a CLI that is not logged in", () => {
    const error = classify({
      stderr: 'Error: Not logged in. Run "membrane login --tenant" to authenticate.',
    });
    expect(error.kind).toBe("not-logged-in");
    expect(error.hint).toMatch(/membrane login --tenant/);
  });

  it("says which signal killed the CLI", () => {
    const error = classify({ exitCode: undefined, signal: "SIGKILL" });
    expect(error.kind).toBe("exit");
    expect(error.message).toBe("The Membrane CLI was killed by SIGKILL without a message.");
  });

  it("cuts a long message to about 2,000 characters", () => {
    const error = classify({ stderr: JSON.stringify({ message: "y".repeat(5000) }) });
    expect(error.message).toMatch(/y…$/);
    expect(error.message.length).toBeLessThan(2100);
  });

  it("scrubs secrets from stderr before it travels", () => {
    const error = classify({
      stderr: "Request failed with status code 401\ntoken: sk_live_abcdefgh12345678 was refused",
    });
    expect(error.message).toContain("Request failed with status code 401");
    expect(error.message).not.toContain("sk_live_abcdefgh12345678");
  });
});
