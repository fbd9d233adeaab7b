/**
 * One packed tarball and its install per test run, for packed-install.test.ts: the tarball installed as npm
 * would install it from the registry. The first test to ask makes them under a lock (a folder made
 * atomically) in the run's folder (`runDir`, from the global setup); others wait for its answer file. The
 * lock file is built from the repo's own, so npm needs no registry metadata: the package has no production
 * dependency today (dist/ is bundled), and one added later would come from the npm cache.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { execa } from "execa";
import { inject } from "vitest";
import { REPO_ROOT } from "./harness.js";
import { tempDir } from "./temp.js";

export interface PackedInstall {
  /** The project that installed the tarball: its node_modules holds the package and its dependencies. */
  dir: string;
  /** The files `npm pack` put in the tarball. */
  files: string[];
}

interface LockEntry {
  dev?: boolean;
  link?: boolean;
  [field: string]: unknown;
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));

/** A project whose lock names the tarball and every production package of the repo's lock, as npm ci needs. */
function writeProject(dir: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8"));
  const integrity = `sha512-${createHash("sha512")
    .update(readFileSync(join(dir, tarball)))
    .digest("base64")}`;
  const root = { name: "packed-install-test", dependencies: { [pkg.name]: `file:${tarball}` } };
  const packages: Record<string, unknown> = {
    "": root,
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: `file:${tarball}`,
      integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages as Record<string, LockEntry>))
    if (path.startsWith("node_modules/") && !entry.dev && !entry.link) packages[path] = entry;
  writeFileSync(join(dir, "package.json"), JSON.stringify(root));
  writeFileSync(
    join(dir, "package-lock.json"),
    JSON.stringify({ ...root, lockfileVersion: 3, requires: true, packages }),
  );
}

async function packAndInstall(dir: string): Promise<PackedInstall> {
  // dist is already built by the test setup: packing must not rebuild it under the other tests' feet.
  const packed = await execa("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: REPO_ROOT,
  });
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  writeProject(dir, info!.filename);
  await execa("npm", ["ci", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: dir });
  return { dir, files: info!.files.map((file) => file.path) };
}

/** Waits for the answer the lock holder writes: the install, or the error that stopped it. */
async function answerOf(answer: string): Promise<PackedInstall> {
  while (!existsSync(answer)) await sleep(100);
  const written = JSON.parse(readFileSync(answer, "utf8")) as { install?: PackedInstall; error?: string };
  if (!written.install) throw new Error(`the shared packed install failed: ${written.error}`);
  return written.install;
}

let mine: Promise<PackedInstall> | undefined;

/** The run's packed install, made by whichever test asks first (once per `vitest run`). */
export function packedInstall(): Promise<PackedInstall> {
  mine ??= shared();
  return mine;
}

async function shared(): Promise<PackedInstall> {
  const runDir = inject("runDir");
  // Without the global setup's folder (a config without it), each file makes its own.
  if (!runDir) return packAndInstall(tempDir("cio-packed-"));
  const answer = join(runDir, "packed-install.json");
  try {
    mkdirSync(join(runDir, "packed-install.lock"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return answerOf(answer);
  }
  const dir = join(runDir, "packed");
  mkdirSync(dir);
  let written: { install?: PackedInstall; error?: string };
  try {
    written = { install: await packAndInstall(dir) };
  } catch (error) {
    written = { error: error instanceof Error ? error.message : String(error) };
  }
  writeFileSync(`${answer}.tmp`, JSON.stringify(written));
  renameSync(`${answer}.tmp`, answer);
  return answerOf(answer);
}
