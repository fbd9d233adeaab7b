// A connection can run actions only when READY (or stateless) and connected, by either spelling the SDK
// has: the deprecated `disconnected: true` or its replacement `connected: false`.
import { describe, expect, it } from "vitest";
import { isUsable, nextStepFor } from "../../../src/membrane/connection.js";
import { ConnectionSchema } from "../../../src/membrane/contract/records.js";

const connection = (fields: Record<string, unknown>) => ConnectionSchema.parse({ id: "c1", ...fields });

describe("isUsable", () => {
  it.each([
    [{}, true],
    [{ state: "READY", connected: true }, true],
    [{ state: "READY", disconnected: true }, false],
    [{ state: "READY", connected: false }, false],
    [{ state: "BUILDING" }, false],
    [{ state: "CLIENT_ACTION_REQUIRED" }, false],
  ])("%j -> %s", (fields, usable) => {
    expect(isUsable(connection(fields))).toBe(usable);
  });

  it("asks to reconnect a connection that is not connected", () => {
    expect(nextStepFor(connection({ state: "READY", connected: false }))).toContain("Reconnect it");
  });
});
