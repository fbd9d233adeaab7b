/**
 * Every test file shares its worker's module cache and process with the files before it (vitest.config.ts,
 * `isolate: false`), so none may change what they all see: the environment, the working folder, globals or
 * module mocks. A file that must would need an isolated project of its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./harness.js";

const CHANGES_SHARED_STATE: [string, RegExp][] = [
  ["assigns to process.env", /process\.env(\.\w+|\[[^\]]+\])\s*(=(?!=)|\?\?=|\|\|=)/],
  ["assigns to process.env", /Object\.assign\(\s*process\.env\b/],
  ["deletes from process.env", /delete\s+process\.env/],
  ["assigns to a global", /\bglobalThis(\.\w+|\[[^\]]+\])\s*(=(?!=)|\?\?=|\|\|=)/],
  ["changes the working folder", /process\.chdir\(/],
  ["mocks, spies or stubs through vi", /\bvi\.(mock|doMock|spyOn|stubEnv|stubGlobal|useFakeTimers)\(/],
];

function testSources(): string[] {
  return readdirSync(join(REPO_ROOT, "test"), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|mjs)$/.test(file) && !file.startsWith(".build"))
    .filter((file) => file !== join("helpers", "shared-workers.test.ts"));
}

describe("test files that share a worker", () => {
  it("finds the test sources", () => {
    expect(testSources().length).toBeGreaterThan(100);
  });

  it("the rules catch what they name", () => {
    const caught = (line: string) => CHANGES_SHARED_STATE.some(([, pattern]) => pattern.test(line));
    expect(caught('process.env["HOME"] = dir;')).toBe(true);
    expect(caught("process.env.PATH ??= x;")).toBe(true);
    expect(caught("delete process.env.X;")).toBe(true);
    expect(caught('vi.stubEnv("A", "b");')).toBe(true);
    expect(caught("Object.assign(process.env, { A: 1 });")).toBe(true);
    expect(caught("globalThis.fetch = fake;")).toBe(true);
    expect(caught("vi.spyOn(console, 'log');")).toBe(true);
    expect(caught('process.env["HOME"] === dir')).toBe(false);
    expect(caught('env: { PATH: process.env["PATH"] ?? "" }')).toBe(false);
  });

  it("none changes the environment, the working folder, globals or modules", () => {
    const offenders = testSources().flatMap((file) =>
      readFileSync(join(REPO_ROOT, "test", file), "utf8")
        .split("\n")
        .flatMap((line, index) =>
          CHANGES_SHARED_STATE.filter(([, pattern]) => pattern.test(line)).map(
            ([what]) => `test/${file}:${index + 1} ${what}`,
          ),
        ),
    );
    expect(offenders).toEqual([]);
  });
});
