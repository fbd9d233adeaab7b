/**
 * The sandbox bin's environment, read once into the sandbox's options: the one place that reads
 * CUSTOMERIO_SANDBOX_* (the library and the in-process --sandbox never look at the environment).
 */
import { tmpdir } from "node:os";
import path from "node:path";
import type { SandboxOptions } from "./sandbox.js";

/** A non-negative number from the environment, or undefined when unset, blank or not a number. */
function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The options of the bin's sandbox; the state folder defaults to <os tmpdir>/customerio-mcp-sandbox. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  const stateDir = env["CUSTOMERIO_SANDBOX_STATE_DIR"];
  return {
    stateDir: stateDir && stateDir.trim() !== "" ? stateDir : path.join(tmpdir(), "customerio-mcp-sandbox"),
    latencyMs: envNumber(env, "CUSTOMERIO_SANDBOX_LATENCY_MS"),
    extraActions: envNumber(env, "CUSTOMERIO_SANDBOX_EXTRA_ACTIONS"),
  };
}
