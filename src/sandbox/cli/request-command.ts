/**
 * `request <connectionId> <path>`: a raw call to the simulated App API, as Membrane's proxy would make
 * it. Prints the upstream body; an upstream 4xx/5xx becomes a failure carrying `status` and `data`.
 */
import { dispatch, isWriteMethod, normalizePath } from "../api/router.js";
import { requireReady } from "../connection.js";
import { badRequest, UsageError } from "../failure.js";
import type { Sandbox } from "../sandbox.js";
import { booleanFlag, keyValuePairs, listFlag, type ParsedArgs, stringFlag } from "./args.js";

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

function fillPathParams(path: string, args: ParsedArgs): string {
  let filled = path;
  for (const [name, value] of keyValuePairs(listFlag(args, "pathParam"), "pathParam")) {
    filled = filled.split(`{${name}}`).join(encodeURIComponent(value));
  }
  return filled;
}

function hasJsonContentType(args: ParsedArgs): boolean {
  return listFlag(args, "header").some((header) => /^content-type\s*:\s*application\/json/i.test(header));
}

/** The body the simulated upstream receives: JSON when it is (or is declared to be) JSON. */
function requestBody(args: ParsedArgs): unknown {
  const data = stringFlag(args, "data");
  if (data === undefined) return undefined;
  const declaredJson = booleanFlag(args, "json") || hasJsonContentType(args);
  try {
    return JSON.parse(data);
  } catch {
    if (declaredJson) throw badRequest("request body is not valid JSON");
    return data;
  }
}

export async function request(args: ParsedArgs, operands: string[], sandbox: Sandbox): Promise<unknown> {
  const [connectionId, rawPath] = operands;
  if (!connectionId || !rawPath)
    throw new UsageError("error: usage: membrane request <connectionId> <path> [options]");
  const method = (stringFlag(args, "method") ?? "GET").toUpperCase();
  if (!METHODS.has(method)) throw new UsageError(`error: unsupported method "${method}"`);
  for (const header of listFlag(args, "header")) {
    if (!header.includes(":")) throw new UsageError(`error: --header expects "Name: value", got "${header}"`);
  }
  requireReady(sandbox.connections, connectionId);
  const { path, query } = normalizePath(fillPathParams(rawPath, args));
  for (const [name, value] of keyValuePairs(listFlag(args, "query"), "query")) query.append(name, value);
  const apiRequest = { method, path, query, body: requestBody(args) };
  const store = await sandbox.store();
  if (!isWriteMethod(method)) return dispatch(await store.read(), apiRequest);
  return (await store.update((workspace) => dispatch(workspace, apiRequest))).result;
}
