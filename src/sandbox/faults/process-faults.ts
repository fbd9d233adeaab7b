/**
 * The faults that take over the whole process, whatever the command (but `--version`, so the CLI can
 * still be identified): hang, crash, garbage and huge output; and prompt, which waits for stdin first.
 * Each writes straight to stdout/stderr.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findCommand } from "../../membrane/contract/commands.js";
import type { ParsedArgs } from "../cli/args.js";
import { envNumber, type Fault } from "./faults.js";

const FOREVER = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1 << 30);";
/** A token-shaped secret that a server must scrub before it shows a stderr tail to anyone. */
export const CRASH_TOKEN = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzYW5kYm94In0.c2FuZGJveHNpZ25hdHVyZQ";

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** Whether the hang fault holds this command: all of them, or those in CUSTOMERIO_SANDBOX_HANG_COMMANDS. */
function hangs(args: ParsedArgs): boolean {
  const only = process.env["CUSTOMERIO_SANDBOX_HANG_COMMANDS"];
  if (!only) return true;
  const command = findCommand(args.positionals)?.name ?? "";
  return only.split(",").some((name) => command === name.trim() || command.startsWith(`${name.trim()} `));
}

/** Sleeps forever, ignoring SIGTERM, with a grandchild holding the pipes; writes both pids. */
function hang(detached: boolean): Promise<never> {
  process.on("SIGTERM", () => {});
  const grandchild = spawn(process.execPath, ["-e", FOREVER], {
    stdio: ["ignore", "inherit", "inherit"],
    detached,
  });
  const pids = `${process.pid}\n${grandchild.pid}\n`;
  const pidFile = process.env["CUSTOMERIO_SANDBOX_PID_FILE"];
  if (pidFile) writeAtomically(pidFile, pids);
  const pidDir = process.env["CUSTOMERIO_SANDBOX_PID_DIR"];
  if (pidDir) writeAtomically(path.join(pidDir, String(process.pid)), pids);
  return new Promise(() => setInterval(() => {}, 1 << 30));
}

/** Reads stdin to its end (a prompt waiting for an answer); a closed or ignored stdin ends it at once. */
async function prompt(): Promise<void> {
  await new Promise<void>((resolve) => {
    process.stdin.on("data", () => {});
    process.stdin.once("end", resolve);
    process.stdin.once("error", () => resolve());
  });
  process.stdin.destroy();
}

/** An uncaught exception after half a document: Node prints the stack on stderr and exits with 1. */
function crash(): Promise<never> {
  process.stdout.write('{"items":[{"id":"1","na', () => {
    throw new Error(`request to Membrane failed (Authorization: ${CRASH_TOKEN})`);
  });
  return new Promise(() => {});
}

function garbage(): Buffer {
  return Buffer.concat([
    Buffer.from("Fetching... done\n<<garbage>> not json at all\n"),
    Buffer.from([0x00, 0xff, 0xfe, 0x1b]),
    randomBytes(16),
    Buffer.from('\n{"jsonrpc":"2.0","id":1,"result":{}}\n}{ ]] trailing junk\n'),
  ]);
}

async function write(chunk: string | Buffer): Promise<void> {
  if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once("drain", resolve));
}

/** `{"output":{"items":[...]}}` of exactly `total` bytes (padded with spaces), written with backpressure. */
async function huge(total: number): Promise<void> {
  const prefix = '{"output":{"items":[';
  const suffix = "]}}\n";
  const html = `<p>${"x".repeat(900)}</p>`;
  let budget = total - prefix.length - suffix.length;
  await write(prefix);
  let chunk = "";
  for (let i = 0; ; i++) {
    const item = `${i === 0 ? "" : ","}{"id":${i},"email":"user-${i}@example.com","html":"${html}"}`;
    if (item.length > budget) break;
    chunk += item;
    budget -= item.length;
    if (chunk.length >= 64 * 1024) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(`${chunk}${" ".repeat(Math.max(0, budget))}${suffix}`);
}

/** Runs the process-wide fault that is on, if any; true when one ran (the command must not run). */
export async function runProcessFault(faults: Set<Fault>, args: ParsedArgs): Promise<boolean> {
  if (faults.has("prompt")) await prompt();
  const detached = faults.has("hang-detached");
  if ((faults.has("hang") || detached) && hangs(args)) await hang(detached);
  if (faults.has("crash")) await crash();
  if (faults.has("garbage")) {
    await write(garbage());
    return true;
  }
  if (faults.has("huge")) {
    await huge(envNumber("CUSTOMERIO_SANDBOX_HUGE_BYTES", 60 * 1024 * 1024));
    return true;
  }
  return false;
}
