/**
 * dist/ bundles the packages the server runs on, whose licences ask that their notice travel with the code:
 * dist/THIRD-PARTY-LICENSES.txt (scripts/build.mjs) must name every package the build's metafile says went
 * into dist/, at the version that went in, with its licence text. Each input's package is found here on its
 * own: the nearest package.json above the file that has a name and a version.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/harness.js";

const DIST = join(REPO_ROOT, "dist");

/** "name version" of the package that holds `file` (a path relative to the repo). */
function packageHolding(file: string): string {
  for (let dir = dirname(join(REPO_ROOT, file)); dir.startsWith(REPO_ROOT); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as {
      name?: string;
      version?: string;
    };
    if (name && version) return `${name} ${version}`;
  }
  throw new Error(`no package.json with a name and version above ${file}`);
}

describe("dist/THIRD-PARTY-LICENSES.txt", () => {
  const meta = JSON.parse(readFileSync(join(DIST, ".esbuild-meta.json"), "utf8")) as {
    inputs: Record<string, unknown>;
  };
  const bundled = [
    ...new Set(
      Object.keys(meta.inputs)
        .filter((input) => input.includes("node_modules/"))
        .map(packageHolding),
    ),
  ].sort();
  const licences = readFileSync(join(DIST, "THIRD-PARTY-LICENSES.txt"), "utf8");

  it("names every package bundled into dist/, at the version bundled", () => {
    // The list is the real one: the SDK and zod are in it, and so is any package installed nested in another.
    expect(bundled.some((entry) => entry.startsWith("@modelcontextprotocol/server "))).toBe(true);
    expect(bundled.some((entry) => entry.startsWith("zod "))).toBe(true);
    const sections = licences.split("\n").filter((line) => /^\S+ \S+ \(.+\)$/.test(line));
    const named = sections.map((line) => line.replace(/ \(.+\)$/, ""));
    expect(named.sort()).toEqual(bundled);
  });

  it("carries each one's licence text", () => {
    expect(licences).not.toContain("no licence file in the package");
    expect(licences).toContain("Permission is hereby granted, free of charge");
    expect(licences).toContain("Apache License");
  });
});
