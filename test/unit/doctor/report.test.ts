/**
 * The pieces of doctor that need no process: line format, the Node version rule, the summary.
 */
import { describe, expect, it } from "vitest";
import { checkNode, MIN_NODE } from "../../../src/doctor/local-checks.js";
import { formatLine, skipped, summary } from "../../../src/doctor/report.js";

describe("doctor lines", () => {
  it("prints mark, label, detail and the fix after a dash, lower-cased and without a final period", () => {
    expect(formatLine({ status: "ok", label: "Logged in", detail: "yes" })).toBe("✔ Logged in: yes");
    expect(
      formatLine({ status: "fail", label: "Logged in", detail: "no", fix: "Run `membrane login --tenant`." }),
    ).toBe("✘ Logged in: no — run `membrane login --tenant`");
    expect(formatLine(skipped("Actions", "needs a login"))).toBe("– Actions: not checked (needs a login)");
  });

  it("fails Node versions older than the engines field allows", () => {
    expect(checkNode(`${MIN_NODE[0]}.${MIN_NODE[1]}.0`).status).toBe("ok");
    expect(checkNode("22.1.0").status).toBe("ok");
    const old = checkNode("18.20.4");
    expect(old.status).toBe("fail");
    expect(formatLine(old)).toMatch(/^✘ Node.js: v18.20.4 is too old — install Node.js 20.19 or newer/);
  });

  it("summarizes failures, not warnings or skips", () => {
    expect(summary([{ status: "warn", label: "a", detail: "b" }, skipped("c", "d")])).toBe(
      "All checks passed.",
    );
    expect(summary([{ status: "fail", label: "a", detail: "b" }])).toMatch(/^1 problem found/);
  });
});
