/**
 * @membranehq/sdk and json-schema-faker are test oracles only: the server must not load them at run time.
 * Checks the manifest (dev dependencies only) and every built module in dist/ (no import of either).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const DIST = path.join(ROOT, "dist");
const TEST_ONLY = ["@membranehq/sdk", "json-schema-faker"];

function builtModules(): string[] {
  if (!existsSync(DIST)) throw new Error("dist/ is missing: run `npm run build` before this test");
  return readdirSync(DIST, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(m?js|cjs)$/.test(file))
    .map((file) => path.join(DIST, file));
}

describe("test-only dependencies", () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));

  it.each(TEST_ONLY)("%s is a dev dependency only", (name) => {
    expect(manifest.devDependencies).toHaveProperty([name]);
    expect(manifest.dependencies ?? {}).not.toHaveProperty([name]);
  });

  it("no module in dist/ imports them", () => {
    const modules = builtModules();
    expect(modules.length).toBeGreaterThan(50);
    const offenders = modules.filter((file) => {
      const text = readFileSync(file, "utf8");
      return TEST_ONLY.some((name) => text.includes(`"${name}"`) || text.includes(`'${name}'`));
    });
    expect(offenders.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
