/**
 * `npm run demo` is the first thing a newcomer runs: it must finish cleanly and show each step of the
 * session (tools, a search, a write then a read that sees it, and clear errors).
 */
import { execa } from "execa";
import { expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/harness.js";

it("prints the whole agent session and exits 0", async () => {
  const result = await execa(process.execPath, ["dist/demo/run.js"], { cwd: REPO_ROOT, reject: false });
  expect(result.exitCode, result.stderr).toBe(0);
  const out = result.stdout;
  expect(out).toMatch(/tools\/list: \d+ tools, [\d,]+ characters \(about [\d,]+ tokens\)/);
  expect(out).toContain("> search_actions");
  expect(out).toContain("Add People to Segment");
  expect(out).toMatch(/"added": 2/);
  // The read-back shows its proof: the two people just added, among the segment's members.
  expect(out).toMatch(
    /> get_segment_membership \{"segmentId":"4"\}\n< \d+ members: .*cust_1002 \(just added\).*cust_1005 \(just added\).*; both people just added are members\n/,
  );
  expect(out).toContain("error: Invalid arguments for get_segment_membership");
  expect(out).toContain(
    'error: Refused: the path must be relative to the Customer.io API and start with "/"',
  );
  expect(out).not.toMatch(/Internal error/);
});
