/**
 * Small helpers every measurement shares: where the built server and the sandbox live, temporary folders
 * that are removed at exit, medians, timing and number formatting.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SERVER_BIN = join(ROOT, "dist", "index.js");
export const SANDBOX_BIN = join(ROOT, "dist", "sandbox", "bin.js");
export const BASELINE_SERVER = join(ROOT, "bench", "baseline-server.mjs");

const temporary = [];
process.on("exit", () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp dir, deleted when the bench exits. */
export function tempDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `cio-bench-${label}-`));
  temporary.push(dir);
  return dir;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds taken by `fn` (awaited), with its result. */
export async function timed(fn) {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, result };
}

export const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const ratio = (value) => `${value.toFixed(2)}x`;
export const int = (value) => Math.round(value).toLocaleString("en-US");
export const sleep = (delay) => new Promise((resolve) => setTimeout(resolve, delay));
