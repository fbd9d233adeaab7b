/**
 * `action list` (paged, optionally ranked by intent) and `action run` (validated, then run against the
 * workspace; actions of an import type skip the write lock, everything else takes it).
 */
import { randomBytes } from "node:crypto";
import { actionRecord } from "../catalog/action-record.js";
import { findAction } from "../catalog/catalog.js";
import { rankByIntent } from "../catalog/intent.js";
import { readsOnly } from "../catalog/types.js";
import { requireConnection, requireReady } from "../connection.js";
import { SandboxFailure, UsageError } from "../failure.js";
import { applyDefaults } from "../input/defaults.js";
import { validateInput } from "../input/validate.js";
import type { Sandbox } from "../sandbox.js";
import { clampLimit, pageOf } from "../workspace/paging.js";
import { type ParsedArgs, stringFlag } from "./args.js";

const DEFAULT_PAGE = 10;
const MAX_PAGE = 20;

function requiredConnectionId(sandbox: Sandbox, args: ParsedArgs, mustBeReady = false): string {
  const connectionId = stringFlag(args, "connectionId");
  if (!connectionId) throw new UsageError("error: required option '--connectionId <id>' not specified");
  if (mustBeReady) requireReady(sandbox.connections, connectionId);
  else requireConnection(sandbox.connections, connectionId);
  return connectionId;
}

export async function actionList(args: ParsedArgs, sandbox: Sandbox): Promise<unknown> {
  const connectionId = requiredConnectionId(sandbox, args);
  const intent = stringFlag(args, "intent");
  const catalog = await sandbox.catalog();
  const ordered = intent && intent.trim() !== "" ? rankByIntent(catalog, intent) : catalog;
  const page = pageOf(
    ordered,
    clampLimit(stringFlag(args, "limit"), DEFAULT_PAGE, MAX_PAGE),
    stringFlag(args, "cursor"),
  );
  const items = page.items.map((spec) => actionRecord(spec, connectionId));
  return page.next ? { items, cursor: page.next } : { items };
}

function parseInput(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new UsageError(`error: --input is not valid JSON: ${raw.slice(0, 80)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError("error: --input must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

export async function actionRun(args: ParsedArgs, actionRef: string | undefined, sandbox: Sandbox) {
  if (!actionRef) throw new UsageError("error: missing required argument 'actionId'");
  requiredConnectionId(sandbox, args, true);
  const rawInput = parseInput(stringFlag(args, "input"));
  const actionRunId = `run_${randomBytes(12).toString("hex")}`;
  try {
    const spec = findAction(await sandbox.catalog(), actionRef);
    const store = await sandbox.store();
    if (!spec) throw new SandboxFailure(`Action "${actionRef}" not found`, { status: 404 });
    if (spec.state !== undefined && spec.state !== "READY") {
      throw new SandboxFailure(`Action "${spec.name}" is not ready to run (state ${spec.state})`, {
        status: 400,
      });
    }
    const input = applyDefaults(spec.inputSchema, rawInput);
    await validateInput(spec.inputSchema, input);
    const output = readsOnly(spec)
      ? spec.run(input, await store.read())
      : (await store.update((workspace) => spec.run(input, workspace))).result;
    return { output: output === undefined ? null : output, actionRunId };
  } catch (error) {
    if (error instanceof SandboxFailure) error.actionRunId = actionRunId;
    throw error;
  }
}
