/**
 * The doctor checks that need no Membrane CLI: the Node version, the mode (sandbox or real account), the
 * catalog cache folder (can it be written?) and whether the server is read-only.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CatalogEntry } from "../catalog/entries.js";
import { summarizeReadOnly } from "../catalog/read-only-summary.js";
import type { Config } from "../config.js";
import type { CheckLine } from "./report.js";

/** The oldest Node this package supports (package.json "engines"). */
export const MIN_NODE = [20, 19] as const;

export function checkNode(version: string = process.versions.node): CheckLine {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  return ok
    ? { status: "ok", label: "Node.js", detail: `v${version}` }
    : {
        status: "fail",
        label: "Node.js",
        detail: `v${version} is too old`,
        fix: `install Node.js ${MIN_NODE.join(".")} or newer (https://nodejs.org)`,
      };
}

export function checkMode(config: Config): CheckLine {
  return config.sandbox
    ? {
        status: "ok",
        label: "Mode",
        detail: "sandbox: a simulated Customer.io workspace, nothing real is touched",
      }
    : { status: "ok", label: "Mode", detail: "your Membrane account (real Customer.io data)" };
}

export async function checkCache(config: Config): Promise<CheckLine> {
  const label = "Cache";
  if (config.cacheDir === null && config.sandbox)
    return { status: "ok", label, detail: "off: the sandbox keeps nothing on disk" };
  if (config.cacheDir === null)
    return { status: "ok", label, detail: "off (--no-cache): actions are discovered at every start" };
  const probe = join(config.cacheDir, `.doctor-${process.pid}.tmp`);
  try {
    await mkdir(config.cacheDir, { recursive: true });
    await writeFile(probe, "");
    await rm(probe, { force: true });
    return { status: "ok", label, detail: config.cacheDir };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return {
      status: "fail",
      label,
      detail: `${config.cacheDir} cannot be written (${code})`,
      fix: "set --cache-dir / CUSTOMERIO_MCP_CACHE_DIR to a writable folder, or use --no-cache",
    };
  }
}

/** `entries`: the discovered catalog, when there is one, to say how many actions read-only hides. */
export function checkReadOnly(config: Config, entries: readonly CatalogEntry[] = []): CheckLine {
  if (!config.readOnly)
    return {
      status: "ok",
      label: "Read-only",
      detail:
        "off: tools can change data and send messages (use --read-only / CUSTOMERIO_MCP_READ_ONLY=1 to prevent it)",
    };
  const summary = summarizeReadOnly(entries, true);
  const allowed =
    summary.allowed.length > 0 ? `; allowed by --read-only-allow: ${summary.allowed.join(", ")}` : "";
  return {
    status: "ok",
    label: "Read-only",
    detail: `on: tools that may change data are not offered and are refused${entries.length > 0 ? ` (${summary.hidden} of ${entries.length} actions hidden)` : ""}${allowed}`,
    fix:
      summary.couldAllow.length > 0
        ? `if you know some of these only read data, allow them with --read-only-allow / CUSTOMERIO_MCP_READ_ONLY_ALLOW: ${summary.couldAllow.slice(0, 8).join(", ")}${summary.couldAllow.length > 8 ? ", …" : ""}`
        : undefined,
  };
}
