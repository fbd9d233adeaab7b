/** The test temp-folder helper: what it makes, removeTempDirs (hooked after every test file) removes. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "./temp.js";

describe("tempDir", () => {
  it("makes fresh folders that removeTempDirs removes with their contents", () => {
    const first = tempDir();
    const second = tempDir("cio-other-");
    expect(first).not.toBe(second);
    mkdirSync(join(first, "nested"));
    writeFileSync(join(first, "nested", "file"), "x");
    removeTempDirs();
    expect(existsSync(first)).toBe(false);
    expect(existsSync(second)).toBe(false);
  });
});
