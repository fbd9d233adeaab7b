/**
 * connection_status: the whole setup at a glance for an agent that met a failure: is the CLI there, is it
 * logged in, which Customer.io connection is used and in what state, what the catalog holds, and the one
 * thing a person must do next. It reports problems as data instead of failing, so it always answers.
 */
import { hostname, userInfo } from "node:os";
import { z } from "zod";
import { summarizeReadOnly } from "../catalog/read-only-summary.js";
import { unusableReason } from "../catalog/usable.js";
import { ActionableError, CliError } from "../errors.js";
import type { BackendFacts } from "../membrane/backend.js";
import { describeProblem } from "../output/error-result.js";
import type { GenericToolSpec } from "./define-tool.js";

/** Which backend, its API URL, where its token came from and when it expires: never the token. */
function backendFacts(facts: BackendFacts): Record<string, unknown> {
  return { kind: facts.kind, sandbox: facts.sandbox, ...facts.details };
}

export const connectionStatusTool: GenericToolSpec = {
  name: "connection_status",
  title: "Customer.io connection status",
  description:
    "Check the setup: the Membrane CLI (path, version), login, the Customer.io connection (id, name, state), how many actions exist and how many are direct tools, whether the server is read-only and how many actions that hides, and what a person must do next. Call it when another tool fails with a setup problem.",
  input: z.object({}),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(_args, ctx) {
    const { services, listing } = ctx;
    const problems: string[] = [];
    let nextStep: string | undefined;
    const note = (error: unknown) => {
      problems.push(describeProblem(error));
      if (!nextStep && error instanceof ActionableError && error.hint) nextStep = error.hint;
    };
    const facts = services.membrane.facts();
    const cli: Record<string, unknown> = { path: facts.display, version: null };
    let loggedIn: boolean | null = null;
    let connection: Record<string, unknown> | null = null;
    try {
      cli["version"] = await services.membrane.version({ signal: ctx.signal });
      cli["found"] = true;
    } catch (error) {
      cli["found"] = !(error instanceof CliError && error.kind === "not-found");
      note(error);
    }
    if (cli["found"]) {
      try {
        const resolved = await services.connection.resolve({ signal: ctx.signal });
        loggedIn = true;
        connection = { id: resolved.id, name: resolved.name ?? null, state: resolved.state ?? "READY" };
      } catch (error) {
        // A ConnectionError means the CLI answered the list, so it is logged in.
        if (error instanceof CliError) loggedIn = error.kind === "not-logged-in" ? false : null;
        else loggedIn = true;
        note(error);
      }
    }
    services.catalog.retryIfFailed();
    const snapshot = services.catalog.current();
    const stats = listing.stats();
    if (services.catalog.lastError !== undefined && problems.length === 0) note(services.catalog.lastError);
    const catalog = {
      source: snapshot.source,
      discovering: services.catalog.isDiscovering,
      updatedAt: snapshot.updatedAt ?? null,
      actions: snapshot.entries.length,
      directActionTools: stats.directActionTools,
      tools: stats.tools,
      toolListChars: stats.chars,
      estimatedTokens: stats.estimatedTokens,
      notDirect: stats.omitted,
      notReady: snapshot.notReady.map((action) => ({
        id: action.id,
        name: action.name,
        state: action.state ?? null,
        reason: unusableReason(action) ?? "not usable",
      })),
      notConverted: stats.notConverted,
      skippedMalformed: snapshot.skipped,
    };
    const readOnly = summarizeReadOnly(snapshot.entries, services.config.readOnly);
    const notes: string[] = [];
    if (readOnly.advice) notes.push(readOnly.advice);
    if (snapshot.notReady.length > 0)
      notes.push(
        `${snapshot.notReady.length} actions are skipped because Membrane says they cannot run (catalog.notReady says why): fix them in Membrane's console.`,
      );
    if (stats.omitted["arbitrary"])
      notes.push(
        `${stats.omitted["arbitrary"]} actions send arbitrary HTTP requests or run custom code: they are offered only when the person names them in --tools.`,
      );
    if (snapshot.source === "none" && services.catalog.isDiscovering) {
      notes.push("The actions are still being discovered; only the generic tools are listed for now.");
    }
    if (stats.omitted["budget"]) {
      notes.push(
        `${stats.omitted["budget"]} actions are not direct tools (tool budget): find them with search_actions and run them with run_action.`,
      );
    }
    return {
      data: {
        ok: problems.length === 0,
        readOnly: services.config.readOnly,
        ...(services.config.readOnly
          ? {
              readOnlyHidden: readOnly.hidden,
              readOnlyAllowed: readOnly.allowed,
            }
          : {}),
        // Over HTTP every client acts with the one Membrane login of the user running the server.
        actsAs: {
          transport: services.config.transport,
          osUser: userInfo().username,
          host: hostname(),
          membraneLogin: facts.login,
          connection: connection?.["name"] ?? connection?.["id"] ?? null,
        },
        schemaProfile: services.config.schemaProfile,
        // Read again: the checks above may have fetched the token whose source and expiry it states.
        backend: backendFacts(services.membrane.facts()),
        cli,
        loggedIn,
        connection,
        catalog,
        problems,
        nextStep: nextStep ?? null,
        ...(notes.length > 0 ? { notes } : {}),
      },
    };
  },
};
