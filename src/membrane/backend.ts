/**
 * The one seam to Membrane. Everything above src/membrane/ (tools, catalog, doctor, transports) asks these
 * questions and never how they are answered: the CLI backend runs a command per question (through a runner:
 * a real process, or the sandbox's CLI face in process), the REST backend sends an HTTP request. Both answer
 * with the same records (contract/records.ts) and fail with the same error kinds (errors.ts).
 */

import type { Clock } from "./clock.js";
import type { GuardedRequest } from "./contract/raw-request.js";
import type { Action, Connection, ConnectorMatch, RunResult } from "./contract/records.js";

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** Called about once a second while the call runs, with the seconds elapsed (for progress). */
  onTick?: ((elapsedSeconds: number) => void) | undefined;
  /**
   * Epoch milliseconds by which the call must be over, when it is one try of several (see retry.ts);
   * never later than the timeout counted from now.
   */
  deadline?: number | undefined;
}

export interface ActionListing {
  actions: Action[];
  /** Items that did not look like actions and were skipped. */
  skipped: number;
  pages: number;
}

/** What a person needs to know about the backend (connection_status, doctor); never a secret. */
export interface BackendFacts {
  /** `cli`: a Membrane CLI process per call; `api`: Membrane's REST API from this process. */
  kind: "cli" | "api";
  /** What to call it in messages: the CLI's path as configured or found, or the API's URL. */
  display: string;
  /** Whether this is the embedded sandbox (no real account) rather than a real Membrane. */
  sandbox: boolean;
  /** Whose login it uses, in words. */
  login: string;
  /** Further facts worth showing (where the token came from, when it expires...), never the token. */
  details?: Record<string, string | number | boolean | null>;
}

export interface MembraneBackend {
  /** Paces progress ticks and retry waits (tests pass a faster one); deadlines stay on real time. */
  readonly clock: Clock;
  /** The per-call timeout the backend enforces, in seconds. */
  readonly timeoutSeconds: number;
  facts(): BackendFacts;
  /** The backend's version as it reports it; throws when it cannot answer at all (not found, broken). */
  version(options?: CallOptions): Promise<string>;
  listConnections(options?: CallOptions): Promise<Connection[]>;
  findConnectors(term: string, options?: CallOptions): Promise<ConnectorMatch[]>;
  /** Every action of the connection, following cursors until none comes back or a page repeats. */
  listAllActions(
    connectionId: string,
    options?: CallOptions & { onPage?: (count: number, page: number) => void },
  ): Promise<ActionListing>;
  /** Membrane's semantic search over the connection's actions. */
  searchActions(
    connectionId: string,
    intent: string,
    limit: number,
    options?: CallOptions,
  ): Promise<Action[]>;
  runAction(
    connectionId: string,
    actionId: string,
    input: unknown,
    options?: CallOptions,
  ): Promise<RunResult>;
  /** A raw request to the external API through the connection; returns the response body as text. */
  request(connectionId: string, request: GuardedRequest, options?: CallOptions): Promise<string>;
  /** Stops every call under way or waiting (the server is closing); later calls run normally. */
  stopAll(): void;
}
