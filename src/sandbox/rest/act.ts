/**
 * `POST /act` of the sandbox's REST face: an action run (`{ id | key, connectionId, input }`) or a raw
 * request through the connection (`{ connectionId, api: { method, path, headers?, query?, body? } }`), over
 * the same catalog, workspace store and simulated App API as the CLI face. The body must be the closed
 * ActRequestDto of Membrane's OpenAPI: an unknown property is a 400, as Membrane's validation answers.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { dispatch, isWriteMethod, normalizePath } from "../api/router.js";
import { findAction } from "../catalog/catalog.js";
import { type ActionSpec, readsOnly } from "../catalog/types.js";
import { type AccountConnections, requireReady } from "../connection.js";
import { SandboxFailure } from "../failure.js";
import { applyDefaults } from "../input/defaults.js";
import { validateInput } from "../input/validate.js";
import type { WorkspaceStore } from "../state/store.js";

const ApiPart = z.strictObject({
  method: z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]),
  path: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  body: z.unknown().optional(),
});

/** ActRequestDto: a closed object (additionalProperties: false in the OpenAPI). */
export const ActRequest = z.strictObject({
  id: z.string().optional(),
  key: z.string().optional(),
  api: ApiPart.optional(),
  code: z.string().optional(),
  integrationId: z.string().optional(),
  integrationKey: z.string().optional(),
  connectionId: z.string().optional(),
  connectionKey: z.string().optional(),
  input: z.unknown().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type ActRequest = z.infer<typeof ActRequest>;

export interface ActContext {
  store: WorkspaceStore;
  catalog: ActionSpec[];
  connections: AccountConnections;
}

const newRunId = () => `run_${randomBytes(12).toString("hex")}`;

export async function act(request: ActRequest, context: ActContext): Promise<unknown> {
  if (!request.connectionId) throw new SandboxFailure("connectionId is required here", { status: 400 });
  requireReady(context.connections, request.connectionId);
  const actionRunId = newRunId();
  try {
    const output = request.api ? await rawRequest(request.api, context) : await runAction(request, context);
    return { output: output === undefined ? null : output, actionRunId };
  } catch (error) {
    if (error instanceof SandboxFailure) error.actionRunId = actionRunId;
    throw error;
  }
}

async function runAction(request: ActRequest, { store, catalog }: ActContext): Promise<unknown> {
  const reference = request.id ?? request.key;
  if (!reference) throw new SandboxFailure("id or key of the action is required", { status: 400 });
  const spec = findAction(catalog, reference);
  if (!spec) {
    throw new SandboxFailure(`Action "${reference}" not found`, { status: 404, data: { key: "not_found" } });
  }
  if (spec.state !== undefined && spec.state !== "READY") {
    throw new SandboxFailure(`Action "${spec.name}" is not ready to run (state ${spec.state})`, {
      status: 400,
    });
  }
  const raw = request.input ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new SandboxFailure("input must be an object", { status: 400 });
  }
  const input = applyDefaults(spec.inputSchema, raw as Record<string, unknown>);
  await validateInput(spec.inputSchema, input);
  if (readsOnly(spec)) return spec.run(input, await store.read());
  return (await store.update((workspace) => spec.run(input, workspace))).result;
}

async function rawRequest(api: z.infer<typeof ApiPart>, { store }: ActContext): Promise<unknown> {
  if (!api.path) throw new SandboxFailure("api.path is required", { status: 400 });
  const { path, query } = normalizePath(api.path);
  for (const [name, value] of Object.entries(api.query ?? {})) query.append(name, String(value));
  let body = api.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      // A raw string body stays a string, as the CLI face's `--data` does.
    }
  }
  const apiRequest = { method: api.method, path, query, body };
  if (!isWriteMethod(api.method)) return dispatch(await store.read(), apiRequest);
  return (await store.update((workspace) => dispatch(workspace, apiRequest))).result;
}
