/**
 * The one Customer.io connection and connector the sandbox pretends to have, in the shapes of the
 * contract's Connection and search results.
 */
import { SandboxFailure } from "./cli/failure.js";
import type { JsonObject } from "./state/types.js";

export const CONNECTION_ID = "sandbox-customerio";
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

export function sandboxConnection(): JsonObject {
  return {
    id: CONNECTION_ID,
    name: "Customer.io (sandbox)",
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

/** Fails like the CLI does for a connection id this account does not have. */
export function requireConnection(connectionId: string): void {
  if (connectionId !== CONNECTION_ID) {
    throw new SandboxFailure(`Connection "${connectionId}" not found`, {
      status: 404,
      data: { message: "Connection not found", key: "not_found" },
    });
  }
}
