/**
 * Builds dist once before any test file runs (vitest globalSetup): the e2e tests and the fixtures run the
 * built code, and a stale build would test old code in silence. The same build also makes the test
 * equipment users never get (the fault bin, the contract parser of the scripted fake) in test/.build.
 * `npm run build` is esbuild: about a second, from scratch every time.
 * It also makes the run's folder (`runDir`, given to tests by `inject`) where work shared by several test
 * files is made once (packed-install.ts), and removes it when the run ends.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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

/** `node scripts/build.mjs --equipment`, passing its output through. */
async function build(): Promise<void> {
  const args = ["scripts/build.mjs", "--equipment"];
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

/** The run's folder and build, shared by every project's call in vitest's process (module state is not). */
const thisRun = globalThis as { cioTestRun?: Promise<string> };

/**
 * vitest calls the global setup once for each project of the run and once more for the root project, one
 * after another: the first call builds, the others wait for it.
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
