/**
 * Builds dist once before any test file runs (vitest globalSetup): the sandbox, the fixtures' contract
 * parser and the e2e tests all run the built code, and a stale build would test old code in silence. Then
 * the fault bin, test equipment kept out of dist, into test/.build.
 * The build is incremental (tsconfig.build.json), so a run after no change costs about a second.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export default function buildOnce(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/chmod-bins.mjs"], { cwd: ROOT, stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/prune-dist.mjs"], { cwd: ROOT, stdio: "inherit" });
  // The fault bin (test equipment, never in dist): test/.build/test/fixtures/faulty-sandbox/bin.js.
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.fixtures.json"], { cwd: ROOT, stdio: "inherit" });
}
