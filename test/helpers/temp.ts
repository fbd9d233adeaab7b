/**
 * Temporary folders for tests. Every folder made here is removed when its test file ends (setup.ts hooks
 * removeTempDirs into every file), so a test run leaves nothing behind in the OS temp dir.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made = new Set<string>();

/** A fresh empty folder in the OS temp dir, removed after the test file. */
export function tempDir(prefix = "cio-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder tempDir made so far (whatever the tests put in them). */
export function removeTempDirs(): void {
  for (const dir of made) {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    made.delete(dir);
  }
}
