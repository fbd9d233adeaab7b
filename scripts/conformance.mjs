#!/usr/bin/env node
/**
 * `npm run conformance`: the official MCP conformance suite as a peer test. Starts the built server over
 * HTTP on loopback without auth (sandbox), runs the scenarios of scripts/conformance/suite.mjs with Node 22
 * from the npm registry (cached; the system Node is untouched), and fails on any check that is not
 * listed as not applicable. Results land in .cache/conformance/results.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  NOT_APPLICABLE_CHECKS,
  NOT_APPLICABLE_SCENARIOS,
  PACKAGES,
  SCENARIOS,
} from "./conformance/suite.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const cache = process.env.CONFORMANCE_CACHE_DIR ?? join(root, ".cache", "conformance");
const nodePackage = `node-${process.platform === "win32" ? "win" : process.platform}-${process.arch}`;
const node22 = join(cache, "node_modules", nodePackage, "bin", "node");
const suiteBin = (release) => join(cache, "node_modules", `conformance-${release}`, "dist", "index.js");

function install() {
  if (existsSync(node22) && existsSync(suiteBin("stable")) && existsSync(suiteBin("preRelease"))) return;
  mkdirSync(cache, { recursive: true });
  process.stderr.write(`conformance: installing Node ${PACKAGES.node} and the suite into ${cache}\n`);
  execFileSync(
    "npm",
    [
      "install",
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--prefix",
      cache,
      `${nodePackage}@${PACKAGES.node}`,
      `conformance-stable@npm:@modelcontextprotocol/conformance@${PACKAGES.stable}`,
      `conformance-preRelease@npm:@modelcontextprotocol/conformance@${PACKAGES.preRelease}`,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
}

async function startServer() {
  const child = spawn(
    process.execPath,
    [
      join(root, "dist", "index.js"),
      "--transport",
      "http",
      "--port",
      "0",
      "--no-auth",
      "--sandbox",
      "--no-cache",
    ],
    {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "cio-conf-")) },
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  for (let waited = 0; waited < 30_000; waited += 50) {
    const match = /listening on (http:\/\/\S+)/.exec(stderr);
    if (match) return { child, url: match[1] };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error(`the server did not start:\n${stderr}`);
}

function runScenario(release, scenario, url, outDir) {
  const dir = join(outDir, `${release}-${scenario}`);
  try {
    execFileSync(node22, [suiteBin(release), "server", "--url", url, "--scenario", scenario, "-o", dir], {
      stdio: "ignore",
      timeout: 120_000,
    });
  } catch {
    // A failed check makes the suite exit non-zero: the checks themselves are judged below.
  }
  const checks = [];
  for (const run of existsSync(dir) ? readdirSync(dir) : []) {
    const file = join(dir, run, "checks.json");
    if (existsSync(file)) checks.push(...JSON.parse(readFileSync(file, "utf8")));
  }
  return checks;
}

install();
const outDir = join(cache, "results");
rmSync(outDir, { recursive: true, force: true });
const { child, url } = await startServer();
let unexpected = 0;
try {
  for (const [release, scenario] of SCENARIOS) {
    const checks = runScenario(release, scenario, url, outDir);
    const failed = checks.filter(
      (check) => check.status === "FAILURE" && !(check.id in NOT_APPLICABLE_CHECKS),
    );
    const excused = checks.filter((check) => check.status === "FAILURE" && check.id in NOT_APPLICABLE_CHECKS);
    const passed = checks.filter((check) => check.status === "SUCCESS").length;
    const warnings = checks.filter((check) => check.status === "WARNING").length;
    const ok = checks.length > 0 && failed.length === 0;
    if (!ok) unexpected++;
    const version = PACKAGES[release];
    process.stdout.write(
      `${ok ? "PASS" : "FAIL"}  ${scenario} (${version}): ${passed} passed, ${warnings} warnings, ${excused.length} not applicable${failed.length ? `, ${failed.length} FAILED` : ""}${checks.length === 0 ? ", no checks ran" : ""}\n`,
    );
    for (const check of failed)
      process.stdout.write(`      ✘ ${check.id}: ${check.errorMessage ?? check.description}\n`);
  }
} finally {
  child.kill("SIGTERM");
}
process.stdout.write("\nNot applicable checks:\n");
for (const [id, reason] of Object.entries(NOT_APPLICABLE_CHECKS))
  process.stdout.write(`  ${id}: ${reason}\n`);
process.stdout.write("Scenarios not run:\n");
for (const [names, reason] of Object.entries(NOT_APPLICABLE_SCENARIOS))
  process.stdout.write(`  ${names}: ${reason}\n`);
process.exitCode = unexpected > 0 ? 1 : 0;
