/**
 * The Customer.io connection and connector the sandbox pretends to have, in the shapes of the SDK's
 * ConnectionApiResponse and search results. The account a sandbox simulates (its `connections` option:
 * none, two, one that needs reconnecting) changes what `connection list` shows and what later commands find.
 */
import { SandboxFailure } from "./failure.js";
import type { JsonObject } from "./state/types.js";

/** The Customer.io connections of the simulated account (the `connections` option of a sandbox). */
export type AccountConnections = "one" | "none" | "two" | "reconnect-needed";

export const CONNECTION_ID = "sandbox-customerio";
/** The second connection of the `two-connections` fault. */
const STAGING_CONNECTION_ID = "sandbox-customerio-staging";
export const CONNECTOR_ID = "64c1f0a9b3e2d45f7a8c9d01";
const LOGO_URI = "https://static.example.com/logos/customerio.svg";
/** The integration as Membrane embeds it in a connection or an action (`logoUri` is required there). */
export const INTEGRATION = {
  id: "6651f0c2a1b2c3d4e5f60718",
  key: "customerio",
  name: "Customer.io",
  logoUri: LOGO_URI,
} as const;
/** The Membrane user (the person logged in to the CLI) who owns the connection. */
const USER_ID = "6651f0c2a1b2c3d4e5f60700";

export function sandboxConnection(id = CONNECTION_ID, name = "Customer.io (sandbox)"): JsonObject {
  return {
    id,
    name,
    key: "customerio",
    state: "READY",
    disconnected: false,
    integrationId: INTEGRATION.id,
    connectorId: CONNECTOR_ID,
    userId: USER_ID,
    integration: { ...INTEGRATION },
    createdAt: "2024-06-01T00:00:00.000Z",
    updatedAt: "2024-06-01T00:00:00.000Z",
  };
}

export function connectorSearchResult(): JsonObject {
  return {
    elementType: "connector",
    element: {
      id: CONNECTOR_ID,
      key: "customerio",
      name: "Customer.io",
      logoUri: LOGO_URI,
      description:
        "Marketing automation: people, segments, campaigns, broadcasts and transactional messages.",
    },
  };
}

/** The connections `connection list` shows for that account. */
export function sandboxConnections(account: AccountConnections = "one"): JsonObject[] {
  if (account === "none") {
    const slack = { id: "6651f0c2a1b2c3d4e5f607aa", key: "slack", name: "Slack", logoUri: LOGO_URI };
    return [{ ...sandboxConnection("sandbox-slack", "Slack"), key: "slack", integration: slack }];
  }
  if (account === "two") {
    return [sandboxConnection(), sandboxConnection(STAGING_CONNECTION_ID, "Customer.io (sandbox staging)")];
  }
  if (account === "reconnect-needed") {
    const clientAction = {
      type: "connect",
      description: "Reconnect Customer.io",
      uiUrl: "https://console.example/connect/sandbox",
    };
    return [{ ...sandboxConnection(), state: "CLIENT_ACTION_REQUIRED", clientAction }];
  }
  return [sandboxConnection()];
}

/** The connection of that id; fails like the CLI does for an id this account does not have. */
export function requireConnection(account: AccountConnections, connectionId: string): JsonObject {
  const connection = sandboxConnections(account).find((item) => item.id === connectionId);
  if (!connection) {
    throw new SandboxFailure(`Connection "${connectionId}" not found`, {
      status: 404,
      data: { message: "Connection not found", key: "not_found" },
    });
  }
  return connection;
}

/** As requireConnection, and fails (409) unless the connection can run actions. */
export function requireReady(account: AccountConnections, connectionId: string): JsonObject {
  const connection = requireConnection(account, connectionId);
  if (connection["state"] !== "READY") {
    throw new SandboxFailure(`Connection ${connectionId} is not ready (state: ${connection["state"]})`, {
      status: 409,
      data: { clientAction: connection["clientAction"] ?? null },
    });
  }
  return connection;
}
