/**
 * doctor's next steps are for a person: a failure's fix names something a person can do in a terminal (never
 * an agent's "call connection_status" or "ask for less"), and the command to run doctor again is the one
 * that was run.
 */
import { describe, expect, it } from "vitest";
import { doctorCommand, personFix } from "../../../src/doctor/next-steps.js";
import { CliError } from "../../../src/errors.js";
import { hintForStatus } from "../../../src/membrane/cli/cli-failure.js";

const AGENT_WORDS = /connection_status|search_actions|run_action|ask for less|call again/i;

describe("personFix", () => {
  it.each([
    new CliError("timeout", "took too long", {
      hint: "Try again, ask for less (a smaller limit), or raise --timeout.",
    }),
    new CliError("exit", "refused", { status: 401, hint: hintForStatus(401) }),
    new CliError("exit", "failed", { hint: hintForStatus(undefined) }),
    new CliError("exit", "busy", { status: 503, hint: hintForStatus(503) }),
    new CliError("too-large", "too much", { hint: "Ask for less: a smaller limit." }),
  ])("words %s for a person", (error) => {
    const fix = personFix(error, "customerio-mcp doctor") ?? "";
    expect(fix).not.toBe("");
    expect(fix).not.toMatch(AGENT_WORDS);
  });
});

describe("doctorCommand", () => {
  it("is the bin on PATH, the bin's path off PATH, or node and the script", () => {
    expect(
      doctorCommand(
        ["node", "/usr/local/bin/customerio-mcp", "doctor", "--sandbox"],
        "/usr/bin:/usr/local/bin",
      ),
    ).toBe("customerio-mcp doctor --sandbox");
    expect(doctorCommand(["node", "/tmp/x/.bin/customerio-mcp", "doctor"], "/usr/bin")).toBe(
      "/tmp/x/.bin/customerio-mcp doctor",
    );
    expect(doctorCommand(["node", "/my clone/dist/index.js", "doctor", "--tools", "a b"], "/usr/bin")).toBe(
      "node '/my clone/dist/index.js' doctor --tools 'a b'",
    );
  });
});
