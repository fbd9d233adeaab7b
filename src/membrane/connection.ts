/**
 * Finds the Customer.io connection to use, once, and explains what a person must do when there is none,
 * several, or one that needs attention. A failure is not remembered, so a call after the person fixed it
 * succeeds; a success is, so tool calls never pay an extra CLI call.
 */
import { ConnectionError } from "../errors.js";
import type { CallOptions, MembraneBackend } from "./backend.js";
import type { Connection } from "./contract/records.js";

const CUSTOMER_IO = /customer[\s._-]?io/i;

function isCustomerIoConnection(connection: Connection): boolean {
  return [connection.integration?.key, connection.integration?.name, connection.name, connection.key].some(
    (text) => typeof text === "string" && CUSTOMER_IO.test(text),
  );
}

export function isUsable(connection: Connection): boolean {
  const disconnected = connection.disconnected === true || connection.connected === false;
  return !disconnected && (connection.state === undefined || connection.state === "READY");
}

const label = (connection: Connection) =>
  `${connection.id}${connection.name ? ` ("${connection.name}")` : ""}`;

/** What a person should do about a connection that exists but cannot run actions. */
export function nextStepFor(connection: Connection): string {
  const reconnect = `run \`membrane connect --connectionId=${connection.id} --json\` in a terminal`;
  if (
    connection.state === "CLIENT_ACTION_REQUIRED" ||
    connection.disconnected ||
    connection.connected === false
  ) {
    const url = connection.clientAction?.uiUrl;
    return url ? `Open ${url} to reconnect Customer.io, or ${reconnect}.` : `Reconnect it: ${reconnect}.`;
  }
  if (connection.state === "BUILDING") return "It is still being set up: wait a minute and try again.";
  if (connection.state === "DISCONNECTING")
    return "It is being disconnected: create or choose another Customer.io connection.";
  return `Fix it in Membrane, or ${reconnect}.`;
}

export class ConnectionResolver {
  private resolved: Promise<Connection> | undefined;

  constructor(
    private readonly membrane: MembraneBackend,
    private readonly configuredId: string | undefined,
  ) {}

  /** The connection to use; the same promise for every caller once it succeeded. */
  resolve(options?: CallOptions): Promise<Connection> {
    if (!this.resolved) {
      const attempt = this.find(options);
      this.resolved = attempt;
      attempt.catch(() => {
        if (this.resolved === attempt) this.resolved = undefined;
      });
    }
    return this.resolved;
  }

  private async find(options?: CallOptions): Promise<Connection> {
    const connections = await this.membrane.listConnections(options);
    if (this.configuredId) return this.checkConfigured(connections, this.configuredId);
    const candidates = connections.filter(isCustomerIoConnection);
    const usable = candidates.filter(isUsable);
    if (usable.length === 1) return usable[0]!;
    if (usable.length > 1) {
      throw new ConnectionError(
        `Several Customer.io connections are ready: ${usable.map(label).join(", ")}.`,
        "Choose one: set CUSTOMERIO_CONNECTION_ID (or --connection-id) to its id and restart the server.",
      );
    }
    if (candidates.length > 0) {
      const first = candidates[0]!;
      throw new ConnectionError(
        `The Customer.io connection ${label(first)} cannot run actions (state ${first.state ?? "unknown"}${first.disconnected ? ", disconnected" : ""}).`,
        nextStepFor(first),
      );
    }
    throw new ConnectionError(
      "There is no Customer.io connection in this Membrane account.",
      "Create one in a terminal: `membrane search customerio --elementType=connector --json`, take items[0].element.id, then `membrane connect --connectorId=<that id> --json` and finish the browser flow.",
    );
  }

  private checkConfigured(connections: Connection[], id: string): Connection {
    const connection = connections.find((item) => item.id === id);
    if (!connection) {
      const known = connections.filter(isCustomerIoConnection).map(label);
      throw new ConnectionError(
        `The connection ${id} set by CUSTOMERIO_CONNECTION_ID / --connection-id was not found.`,
        known.length > 0
          ? `Use one of these Customer.io connections: ${known.join(", ")}.`
          : "Check the id with `membrane connection list --json`.",
      );
    }
    if (!isUsable(connection)) {
      throw new ConnectionError(
        `The connection ${label(connection)} cannot run actions (state ${connection.state ?? "unknown"}).`,
        nextStepFor(connection),
      );
    }
    return connection;
  }
}
