/**
 * The doctor checks that run the Membrane CLI, in the order a person fixes things: the CLI is there (and
 * which version), it is logged in, the Customer.io connection is usable, its actions are discovered, and
 * what the tool list costs an agent. Each failure carries the error's own next step.
 */
import { ActionableError, CliError, ConnectionError } from "../errors.js";
import type { Connection } from "../membrane/contract/records.js";
import { describeError } from "../output/error-result.js";
import type { ToolRegistry } from "../tools/registry.js";
import type { Services } from "../tools/services.js";
import { type CliProblem, personFix } from "./next-steps.js";
import { type CheckLine, firstLine } from "./report.js";

/** Why an action is not a direct tool, in words (keys are catalog/selection.ts's OmittedReason). */
const OMITTED: Record<string, string> = {
  budget: "over the --max-tools / size budget",
  "read-only": "may change data (read-only mode)",
  arbitrary: "arbitrary HTTP requests or custom code not named in --tools",
  excluded: "excluded by --exclude-tools",
  "not-included": "not named by --tools",
  schema: "schema not convertible",
};

const messageOf = (error: unknown) => firstLine(describeError(error));

/** `cannotRun`: why the CLI cannot be run (not found, or not executable), for when it does not answer. */
export async function checkCli(services: Services, cannotRun: () => CliProblem): Promise<CheckLine> {
  const facts = services.membrane.facts();
  const label = facts.kind === "api" ? "Membrane API" : "Membrane CLI";
  try {
    const version = await services.membrane.version();
    return { status: "ok", label, detail: `${facts.display} (${version || "version unknown"})` };
  } catch (error) {
    if (error instanceof CliError && error.kind === "not-found")
      return { status: "fail", label, ...cannotRun() };
    if (facts.kind === "api") {
      return {
        status: "fail",
        label,
        detail: `${facts.display} did not answer: ${messageOf(error)}`,
        fix:
          (error instanceof ActionableError ? error.hint : undefined) ??
          "check --membrane-api-url / MEMBRANE_API_URL and the network",
      };
    }
    return {
      status: "fail",
      label,
      detail: `${facts.display} did not answer \`--version\`: ${messageOf(error)}`,
      fix: "check that this is the Membrane CLI (npm @membranehq/cli) and that `membrane --version` works in a terminal",
    };
  }
}

/** Which backend, which API URL, where its token came from and when it expires (never the token). */
export function checkBackend(services: Services): CheckLine {
  const facts = services.membrane.facts();
  if (facts.kind === "cli")
    return {
      status: "ok",
      label: "Backend",
      // The embedded sandbox answers the CLI's commands in this process: no process is started for it.
      detail: facts.sandbox
        ? `cli: the sandbox's CLI face, in this process (${facts.display})`
        : `cli: a Membrane CLI process per call (${facts.display})`,
    };
  const details = facts.details ?? {};
  const expires = details["tokenExpiresAt"] ? `, expires ${details["tokenExpiresAt"]}` : "";
  return {
    status: "ok",
    label: "Backend",
    detail: `api: ${facts.display} (membrane-api-version ${details["apiVersion"]}); token from ${details["tokenSource"]}${expires}`,
  };
}

interface ConnectionChecks {
  lines: CheckLine[];
  connection: Connection | undefined;
}

/** Logged in and the connection, from one `connection list`: an answer at all means logged in. */
/** `doctor`: the command that runs doctor again, for next steps. */
export async function checkConnection(services: Services, doctor: string): Promise<ConnectionChecks> {
  const loggedIn: CheckLine = services.membrane.facts().sandbox
    ? { status: "ok", label: "Logged in", detail: "not needed: the sandbox has no real account" }
    : { status: "ok", label: "Logged in", detail: "yes" };
  try {
    const connection = await services.connection.resolve();
    const name = connection.name ? ` "${connection.name}"` : "";
    return {
      connection,
      lines: [
        loggedIn,
        {
          status: "ok",
          label: "Customer.io connection",
          detail: `${connection.id}${name} (${connection.state ?? "READY"})`,
        },
      ],
    };
  } catch (error) {
    if (error instanceof ConnectionError) {
      return {
        connection: undefined,
        lines: [
          loggedIn,
          {
            status: "fail",
            label: "Customer.io connection",
            detail: firstLine(error.message),
            fix: error.hint,
          },
        ],
      };
    }
    const notLoggedIn = error instanceof CliError && error.kind === "not-logged-in";
    const line: CheckLine = notLoggedIn
      ? {
          status: "fail",
          label: "Logged in",
          detail: "no",
          fix: "run `membrane login --tenant` in a terminal (headless: open the URL it prints, then `membrane login complete <code>`)",
        }
      : {
          status: "fail",
          label: "Logged in",
          detail: `could not tell: ${messageOf(error)}`,
          fix: personFix(error, doctor),
        };
    return { connection: undefined, lines: [line] };
  }
}

/** Discovers the actions now and reports how many there are and how many became direct tools. */
export async function checkActions(
  services: Services,
  registry: ToolRegistry,
  doctor: string,
): Promise<CheckLine[]> {
  await services.catalog.refresh();
  const error = services.catalog.lastError;
  if (error !== undefined)
    return [
      {
        status: "fail",
        label: "Actions",
        detail: `discovery failed: ${messageOf(error)}`,
        fix: personFix(error, doctor),
      },
    ];
  const snapshot = services.catalog.current();
  const stats = registry.stats();
  const total = snapshot.entries.length;
  const rest = total - stats.directActionTools;
  const why = Object.entries(stats.omitted)
    .map(([reason, count]) => `${count} ${OMITTED[reason] ?? reason}`)
    .join(", ");
  const extra = [
    snapshot.notReady.length > 0
      ? `${snapshot.notReady.length} skipped as not usable in Membrane (not READY, deactivated or archived)`
      : "",
    stats.notConverted.length > 0
      ? `${stats.notConverted.length} with a schema that could not be converted`
      : "",
  ].filter(Boolean);
  const actions: CheckLine =
    total === 0
      ? {
          status: "fail",
          label: "Actions",
          detail: "none discovered for this connection",
          fix: `check the connection's actions in a terminal: \`membrane action list --connectionId=${snapshot.connectionId ?? "<id>"} --json\``,
        }
      : {
          status: "ok",
          label: "Actions",
          detail: `${total} discovered, ${stats.directActionTools} direct tools${rest > 0 ? `, ${rest} via search_actions / run_action (${why})` : ""}${extra.length > 0 ? `; ${extra.join(", ")}` : ""}`,
        };
  const heavy = stats.estimatedTokens > 20_000;
  const toolList: CheckLine = {
    status: heavy ? "warn" : "ok",
    label: "Tool list",
    detail: `${stats.tools} tools, about ${stats.estimatedTokens.toLocaleString("en-US")} tokens (${stats.chars.toLocaleString("en-US")} characters)`,
    fix: heavy ? "lower --max-tools or narrow --tools to spend less of the agent's context" : undefined,
  };
  const settings: CheckLine[] = registry.unmatched().map((line) => ({
    status: "warn",
    label: "Settings",
    detail: line,
    fix: "correct the name or remove it",
  }));
  return [actions, toolList, ...settings];
}
