/**
 * What the sandbox knows about an action: the public Action record the CLI prints, plus the function
 * that runs it against the simulated workspace.
 */
import type { JsonObject, Workspace } from "../state/types.js";

export type ActionType =
  | "list-data-records"
  | "find-data-record-by-id"
  | "match-data-record"
  | "search-data-record"
  | "create-data-record"
  | "find-or-create-data-record"
  | "update-data-record"
  | "delete-data-record"
  | "connector-operation"
  | "api-request-to-external-app"
  | "api-request-to-your-app"
  | "http-request"
  | "run-javascript"
  | "api-request";

export type ActionInput = Record<string, unknown>;

/** Membrane's import types: the only ones that read without writing (the SDK's ACTIONS table). */
const IMPORT_TYPES: ReadonlySet<ActionType> = new Set([
  "list-data-records",
  "find-data-record-by-id",
  "match-data-record",
  "search-data-record",
]);

/** Whether running the action only reads, decided from its type (never from `isReadOnly`). */
export const readsOnly = (spec: Pick<ActionSpec, "type">): boolean => IMPORT_TYPES.has(spec.type);

export interface ActionSpec {
  key: string;
  name: string;
  description: string;
  type: ActionType;
  inputSchema?: JsonObject;
  outputSchema?: JsonObject;
  /** Set only on actions that are not ready, e.g. `SETUP_FAILED`. */
  state?: string;
  run: (input: ActionInput, workspace: Workspace) => unknown;
}

/** Reads a string input the validator already checked, or a fallback. */
export function text(input: ActionInput, name: string, fallback = ""): string {
  const value = input[name];
  return typeof value === "string" ? value : value === undefined || value === null ? fallback : String(value);
}

export function count(input: ActionInput, name: string, fallback: number): number {
  const value = input[name];
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

export function objectInput(input: ActionInput, name: string): JsonObject {
  const value = input[name];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

export function stringList(input: ActionInput, name: string): string[] {
  const value = input[name];
  return Array.isArray(value) ? value.map((item) => String(item)) : [];
}
