/**
 * Runs the BUILT sandbox bin (dist/sandbox/bin.js) as a real process, each test with its own state
 * directory, so the tests see exactly what the server will see.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { tempDir } from "../../helpers/temp.js";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const BIN = path.join(REPO_ROOT, "dist/sandbox/bin.js");
export const CONNECTION = "sandbox-customerio";

/** Parsed CLI JSON, probed freely by assertions (vitest's expect checks the shapes). */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON the sandbox printed
export type Loose = any;

export interface SandboxRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON. */
  json: () => Loose;
  /** The `error` object of the one-line JSON on stderr. */
  error: () => { message: string; status?: number; data?: Loose; actionRunId?: string };
}

/** A fresh state directory, removed after the test file (see test/helpers/temp.ts). */
export async function freshStateDir(): Promise<string> {
  return tempDir("customerio-mcp-sandbox-test-");
}

export async function sandbox(
  stateDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<SandboxRun> {
  const result = await execa(process.execPath, [BIN, ...args], {
    reject: false,
    env: {
      CUSTOMERIO_SANDBOX_STATE_DIR: stateDir,
      CUSTOMERIO_SANDBOX_EXTRA_ACTIONS: "",
      CUSTOMERIO_SANDBOX_LATENCY_MS: "",
      ...env,
    },
  });
  const stdout = String(result.stdout);
  const stderr = String(result.stderr);
  return {
    exitCode: result.exitCode ?? -1,
    stdout,
    stderr,
    json: () => JSON.parse(stdout),
    error: () => {
      const lines = stderr.trim().split("\n");
      if (lines.length !== 1) throw new Error(`expected one stderr line, got: ${stderr}`);
      return JSON.parse(lines[0] as string).error;
    },
  };
}

/** `action run` with the connection filled in and the input serialized. */
export function runAction(stateDir: string, action: string, input?: unknown, env?: Record<string, string>) {
  const args = ["action", "run", action, `--connectionId=${CONNECTION}`, "--json"];
  if (input !== undefined) args.push(`--input=${JSON.stringify(input)}`);
  return sandbox(stateDir, args, env);
}

/** Every action, following cursors until none comes back. */
export async function listAllActions(stateDir: string, extra: string[] = [], env?: Record<string, string>) {
  const items: Loose[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  do {
    const args = ["action", "list", `--connectionId=${CONNECTION}`, "--json", ...extra];
    if (cursor) args.push(`--cursor=${cursor}`);
    const run = await sandbox(stateDir, args, env);
    if (run.exitCode !== 0) throw new Error(run.stderr);
    const page = run.json();
    items.push(...page.items);
    pages.push(page.items.length);
    cursor = page.cursor;
  } while (cursor);
  return { items, pages };
}
