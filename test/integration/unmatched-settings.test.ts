/**
 * A --tools / --exclude-tools / --read-only-allow name that matches no action is said in the log, by name and
 * with the nearest real names, as soon as the catalog is discovered (once, not at every refresh).
 */
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/config.js";
import { ServerLogger } from "../../src/log.js";
import { buildServer } from "../../src/server.js";
import { fixtureCli } from "../helpers/harness.js";

describe("settings that match no action", () => {
  it("are warned about in the log with the nearest names", async () => {
    const argv = ["--no-cache", "--tools", "get_custmer,list_*", "--read-only-allow", "list-customer"];
    const { config } = parseCommandLine(argv, {});
    const lines: string[] = [];
    const built = buildServer(
      config,
      fixtureCli("fake-membrane"),
      new ServerLogger("warning", (line) => lines.push(line)),
    );
    await built.start();
    await built.services.catalog.refresh();
    await built.services.catalog.refresh();
    const warnings = lines.filter((line) => line.includes("matches no action"));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /--tools "get_custmer" matches no action, so it does nothing; did you mean get_customer/,
    );
    expect(warnings[1]).toMatch(
      /--read-only-allow "list-customer" matches no action.*did you mean list-customers/,
    );
    expect(lines.join("\n")).not.toMatch(/"list_\*"/);
    built.services.membrane.stopAll();
  });
});
