/**
 * Each fixture CLI as the executable the server would spawn: a node script with a shebang and a header
 * comment, mode +x, answering --version and recording its run with the process's pid. Its answers are
 * tested in process in test/fixtures/fixtures.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURE_NAMES, type FixtureName, fixturePath } from "../fixtures/paths.js";
import { readRecords } from "../fixtures/records.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "fixtures-test-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a fixture with a clean environment (PATH plus `env`), never rejecting. */
function run(name: FixtureName, args: string[], env: Record<string, string> = {}) {
  return execa(fixturePath(name), args, {
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdin: "ignore",
  });
}

describe("every fixture", () => {
  it.each(FIXTURE_NAMES)(
    "%s is an executable node script with a header, answers --version and records",
    async (name) => {
      const file = fixturePath(name);
      expect(statSync(file).mode & 0o111).not.toBe(0);
      const lines = readFileSync(file, "utf8").split("\n");
      expect(lines[0]).toBe("#!/usr/bin/env node");
      expect(lines[1]).toMatch(/^\/\/ \S/);
      const record = join(dir, "record.jsonl");
      const subprocess = run(name, ["--version"], { FAKE_MEMBRANE_RECORD: record });
      const result = await subprocess;
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe("1.0.0");
      const [entry, ...more] = readRecords(record);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ argv: ["--version"], pid: subprocess.pid });
      expect(Math.abs(entry!.time - Date.now())).toBeLessThan(30_000);
    },
  );
});
