/** `connection list`, `search` and `connect`: finding (or pretending to create) the Customer.io connection. */
import {
  CONNECTOR_ID,
  connectorSearchResult,
  requireConnection,
  sandboxConnection,
  sandboxConnections,
} from "../connection.js";
import { SandboxFailure, UsageError } from "../failure.js";
import type { Sandbox } from "../sandbox.js";
import { type ParsedArgs, stringFlag } from "./args.js";

export function connectionList(sandbox: Sandbox): unknown {
  return { items: sandboxConnections(sandbox.connections) };
}

const CUSTOMERIO_TERM = /customer[\s.-]?io|customerio/i;

export function search(args: ParsedArgs, term: string | undefined): unknown {
  if (term === undefined) throw new UsageError("error: missing required argument 'query'");
  const elementType = stringFlag(args, "elementType");
  const wantsConnectors = elementType === undefined || elementType === "connector";
  return { items: wantsConnectors && CUSTOMERIO_TERM.test(term) ? [connectorSearchResult()] : [] };
}

/** The sandbox "completes" the browser flow at once and hands back its one connection. */
export function connect(args: ParsedArgs, sandbox: Sandbox): unknown {
  const connectorId = stringFlag(args, "connectorId");
  const connectionId = stringFlag(args, "connectionId");
  if (connectionId !== undefined) {
    // Reconnecting completes at once: the connection comes back READY (the sandbox keeps no such state).
    const { clientAction: _done, ...connection } = requireConnection(sandbox.connections, connectionId);
    return { ...connection, state: "READY" };
  }
  if (connectorId === undefined)
    throw new UsageError("error: connect needs --connectorId=<id> or --connectionId=<id>");
  if (connectorId !== CONNECTOR_ID) {
    throw new SandboxFailure(`Connector "${connectorId}" not found`, { status: 404 });
  }
  return sandboxConnection();
}
