/**
 * Runs the sandbox's CLI face with an argv in this process, each test with its own state directory: a fresh
 * sandbox per run over the folder, with the options the bin would read from `env` (what --sandbox runs).
 * stdout and stderr lose their final newline, as execa gives a process's; the built bin as a process, where
 * a process is the point, is test/e2e/sandbox-bin-state.test.ts.
 */
import { runCli } from "../../../src/sandbox/cli/face.js";
import { optionsFromEnv } from "../../../src/sandbox/env.js";
import { createSandbox } from "../../../src/sandbox/sandbox.js";
import { settingsFromEnv } from "../../fixtures/faulty-sandbox/faults.js";
import { faultyRunner } from "../../fixtures/faulty-sandbox/faulty-face.js";
import { tempDir } from "../../helpers/temp.js";

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

/** A run's exit code and output, with its readers. */
export function toRun(exitCode: number, stdout: string, stderr: string): SandboxRun {
  return {
    exitCode,
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

const stripFinalNewline = (text: string) => text.replace(/\r?\n$/, "");

/** The sandbox in this process (with a fault from CUSTOMERIO_SANDBOX_FAULT, if `env` names one). */
export async function sandbox(
  stateDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<SandboxRun> {
  const fullEnv = { CUSTOMERIO_SANDBOX_STATE_DIR: stateDir, ...env };
  if (env["CUSTOMERIO_SANDBOX_FAULT"]) {
    const runner = faultyRunner(env["CUSTOMERIO_SANDBOX_FAULT"], { ...settingsFromEnv(fullEnv), stateDir });
    const outcome = await runner.run(args, { signal: new AbortController().signal, maxOutputBytes: 2 ** 30 });
    return toRun(outcome.exitCode ?? -1, outcome.stdout, outcome.stderr);
  }
  const answer = await runCli(createSandbox(optionsFromEnv(fullEnv)), args);
  return toRun(answer.exitCode, stripFinalNewline(answer.stdout), stripFinalNewline(answer.stderr));
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
