/**
 * @membranehq/sdk and json-schema-faker are test oracles only: the server must not load them at run time.
 * Checks the manifest (dev dependencies only), every input the build bundled into dist/ (esbuild's metafile,
 * dist/.esbuild-meta.json: no file of either package) and every built file (no import of either left
 * outside the bundle).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const DIST = path.join(ROOT, "dist");
const TEST_ONLY = ["@membranehq/sdk", "json-schema-faker"];

function builtFiles(): string[] {
  if (!existsSync(DIST)) throw new Error("dist/ is missing: run `npm run build` before this test");
  return readdirSync(DIST, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(m?js|cjs)$/.test(file))
    .map((file) => path.join(DIST, file));
}

/** Every source file the build put into dist/, relative to the repo. */
function bundledInputs(): string[] {
  const meta = JSON.parse(readFileSync(path.join(DIST, ".esbuild-meta.json"), "utf8"));
  return Object.keys(meta.inputs);
}

describe("test-only dependencies", () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));

  it.each(TEST_ONLY)("%s is a dev dependency only", (name) => {
    expect(manifest.devDependencies).toHaveProperty([name]);
    expect(manifest.dependencies ?? {}).not.toHaveProperty([name]);
  });

  it("nothing of them is bundled into dist/", () => {
    const inputs = bundledInputs();
    // The list is the real one: the server's own code and the packages it runs on are in it.
    expect(inputs).toContain("src/index.ts");
    expect(inputs.some((input) => input.startsWith("node_modules/zod/"))).toBe(true);
    const offenders = inputs.filter((input) =>
      TEST_ONLY.some((name) => input.includes(`node_modules/${name}/`)),
    );
    expect(offenders).toEqual([]);
  });

  it("no built file imports them", () => {
    const files = builtFiles();
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.filter((file) => {
      const text = readFileSync(file, "utf8");
      return TEST_ONLY.some((name) => text.includes(`"${name}`) || text.includes(`'${name}`));
    });
    expect(offenders.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
