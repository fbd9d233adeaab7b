/**
 * What `npm pack` would publish holds no fault equipment: no file named for faults, and no shipped file
 * that knows the fault switch (CUSTOMERIO_SANDBOX_FAULT) or plays a fault (a hang's SIGTERM-proof helper,
 * the crash's token). Lifecycle scripts are skipped: the list is read from the dist the global setup built
 * afresh (scripts/build.mjs), as `npm run build` leaves it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/harness.js";

const FAULT_MARKERS = [
  "CUSTOMERIO_SANDBOX_FAULT",
  "hang-detached",
  "process.on('SIGTERM', () => {})",
  // The fault settings the REST faults read too (test/fixtures/faulty-sandbox/rest-faults.ts).
  "CUSTOMERIO_SANDBOX_FAIL_TIMES",
  "CUSTOMERIO_SANDBOX_DELAY_MS",
  // The credentials the leaky-error fault echoes (CLI and REST alike).
  "pat-na1-1234abcd",
];

/** A fault module by its name (faults.ts, process-faults.ts, faulty-sandbox/), not defaults.js. */
const FAULT_FILE = /(^|[/-])faults?([/.-]|$)|faulty/i;

describe("the npm package", () => {
  it("contains no fault code", async () => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const { stdout } = await execa(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: REPO_ROOT,
    });
    const [report] = JSON.parse(stdout) as [{ files: Array<{ path: string }> }];
    const files = report.files.map((file) => file.path);
    expect(files).toContain("dist/sandbox/bin.js");
    expect(files.filter((file) => FAULT_FILE.test(file))).toEqual([]);
    const code = files.filter((file) => file.endsWith(".js"));
    const carrying = code.filter((file) => {
      const text = readFileSync(join(REPO_ROOT, file), "utf8");
      return FAULT_MARKERS.some((marker) => text.includes(marker));
    });
    expect(carrying).toEqual([]);
  });
});
