/**
 * Builds dist once before any test file runs (vitest globalSetup): the sandbox, the fixtures' contract
 * parser and the e2e tests all run the built code, and a stale build would test old code in silence. Then
 * the fault bin, test equipment kept out of dist, into test/.build.
 * Both builds are incremental (tsconfig.build.json, tsconfig.fixtures.json), so a run after no change costs
 * about two seconds; they write to different folders, so they run side by side.
 * It also makes the run's folder (`runDir`, given to tests by `inject`) where work shared by several test
 * files is made once (packed-install.ts), and removes it when the run ends.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A folder for this test run only: what several test files share is made there once. */
    runDir: string;
  }
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);

/** Runs `node ...args` in the repo, passing its output through. */
async function node(...args: string[]): Promise<void> {
  const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT }).catch(
    (error: { stdout?: string; stderr?: string; message: string }) => {
      process.stdout.write(error.stdout ?? "");
      process.stderr.write(error.stderr ?? "");
      throw new Error(`global setup: node ${args.join(" ")} failed: ${error.message}`);
    },
  );
  process.stdout.write(stdout);
  process.stderr.write(stderr);
}

async function build(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const dist = async () => {
    await node(tsc, "-p", "tsconfig.build.json");
    await node("scripts/chmod-bins.mjs");
    await node("scripts/prune-dist.mjs");
  };
  // The fault bin (test equipment, never in dist): test/.build/test/fixtures/faulty-sandbox/bin.js.
  await Promise.all([dist(), node(tsc, "-p", "tsconfig.fixtures.json")]);
}

/** The run's folder and build, shared by every project's call in vitest's process (module state is not). */
const thisRun = globalThis as { cioTestRun?: Promise<string> };

/**
 * vitest calls the global setup once for each project of the run and once more for the root project, one
 * after another (each incremental build cost about two seconds): the first call builds, the others wait for it.
 */
export default async function buildOnce(project: TestProject): Promise<() => void> {
  const first = thisRun.cioTestRun === undefined;
  thisRun.cioTestRun ??= build().then(() => mkdtempSync(join(tmpdir(), "cio-test-run-")));
  const runDir = await thisRun.cioTestRun;
  project.provide("runDir", runDir);
  return () => {
    if (!first) return;
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    // A restart in watch mode (the config changed) sets up afresh.
    thisRun.cioTestRun = undefined;
  };
}
