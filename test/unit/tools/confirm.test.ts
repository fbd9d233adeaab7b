/**
 * The pieces of confirmation (issue #12) that need no client: which raw requests are high blast, the
 * --confirm option, and that a person's answer counts only for the exact input they were shown.
 */
import type { ServerContext } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../../src/config.js";
import { ConfigError } from "../../../src/errors.js";
import { requestEffects } from "../../../src/guard/request-effects.js";
import { ConfirmationPending, confirmationFor } from "../../../src/protocol/confirmation.js";
import type { ConfirmRequest } from "../../../src/tools/tool-definition.js";

describe("requestEffects: high blast", () => {
  it.each([
    ["DELETE", "/v1/customers/42", true],
    ["POST", "/v1/send/email", true],
    ["POST", "/v1/campaigns/7/triggers", true],
    ["POST", "/v1/broadcasts/3/trigger", true],
    ["POST", "/api/v1/customers/42/suppress", true],
    ["PUT", "/api/v1/customers/42", false],
    ["POST", "/v1/segments", false],
    ["GET", "/v1/broadcasts", false],
    ["GET", "/v1/send/email", false],
    // Issue #18: read as the API reads it (percent-decoding, case, dot segments).
    ["POST", "/v1/s%65nd/email", true],
    ["POST", "/v1/campaigns/1/t%72iggers", true],
    ["POST", "/v1/SEND/email", true],
    ["POST", "/v1/S%45ND/email", true],
    ["POST", "/v1/%73%65%6e%64/email", true],
    ["POST", "/v1/x/../send/email", true],
    ["POST", "/v1/campaigns/1/t%2572iggers", true],
    ["post", "/v1/send/email", true],
    ["delete", "/v1/customers/42", true],
  ])("%s %s -> %s", (method, path, expected) => {
    expect(requestEffects(method, path).highBlast).toBe(expected);
  });
});

describe("--confirm", () => {
  it("defaults to high-blast, reads the flag over the environment, and refuses anything else", () => {
    expect(parseCommandLine([], {}).config.confirm).toBe("high-blast");
    expect(parseCommandLine([], { CUSTOMERIO_MCP_CONFIRM: "never" }).config.confirm).toBe("never");
    expect(
      parseCommandLine(["--confirm", "high-blast"], { CUSTOMERIO_MCP_CONFIRM: "never" }).config.confirm,
    ).toBe("high-blast");
    expect(() => parseCommandLine(["--confirm", "always"], {})).toThrow(ConfigError);
    expect(() => parseCommandLine(["--confirm", "always"], {})).toThrow(/confirm must be one of/);
  });
});

/** The parts of a 2025-era request context that confirmationFor reads. */
function legacyContext(inputResponses?: Record<string, unknown>, state?: string): ServerContext {
  return { mcpReq: { inputResponses, requestState: () => state } } as unknown as ServerContext;
}

const REQUEST: ConfirmRequest = {
  what: "Send (act-send)",
  why: "It sends.",
  input: { to: "ada@example.com" },
};
const FORM = { elicitation: { form: {} } };

async function pendingState(request: ConfirmRequest): Promise<string> {
  const error = await confirmationFor(legacyContext(), () => FORM)(request).catch((thrown) => thrown);
  expect(error).toBeInstanceOf(ConfirmationPending);
  return (error as ConfirmationPending).result.requestState ?? "";
}

describe("confirmationFor", () => {
  it("is unsupported without form elicitation", async () => {
    const confirm = (capabilities: object | undefined) =>
      confirmationFor(legacyContext(), () => capabilities)(REQUEST);
    expect(await confirm(undefined)).toBe("unsupported");
    expect(await confirm({})).toBe("unsupported");
    expect(await confirm({ elicitation: { url: {} } })).toBe("unsupported");
    await expect(confirm({ elicitation: {} })).rejects.toBeInstanceOf(ConfirmationPending);
  });

  it("counts an answer only for the input that was shown", async () => {
    const state = await pendingState(REQUEST);
    const accepted = { confirm: { action: "accept", content: { confirm: true } } };
    expect(await confirmationFor(legacyContext(accepted, state), () => FORM)(REQUEST)).toBe("accept");
    // The same answer for other input (or with no state at all) asks again.
    const other = { ...REQUEST, input: { to: "everyone@example.com" } };
    await expect(confirmationFor(legacyContext(accepted, state), () => FORM)(other)).rejects.toBeInstanceOf(
      ConfirmationPending,
    );
    await expect(confirmationFor(legacyContext(accepted), () => FORM)(REQUEST)).rejects.toBeInstanceOf(
      ConfirmationPending,
    );
  });
});
