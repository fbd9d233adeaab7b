/**
 * `customerio-mcp doctor`: checks everything a person needs, one line each on stdout, and exits 1 when
 * something is wrong. It builds the same services as the server (so it sees what the server would see) but
 * logs only errors to stderr. Checks that depend on a failed one are shown as not checked.
 */
import type { Config } from "../config.js";
import { ServerLogger } from "../log.js";
import type { CliCommand, CommandRunner } from "../membrane/cli/cli.js";
import { buildServices, type ServiceOptions } from "../services.js";
import { ToolRegistry } from "../tools/registry.js";
import { VERSION } from "../version.js";
import { checkCache, checkMode, checkNode, checkReadOnly } from "./local-checks.js";
import { checkActions, checkBackend, checkCli, checkConnection } from "./membrane-checks.js";
import { cliProblem, doctorCommand } from "./next-steps.js";
import { type CheckLine, formatLine, skipped, summary } from "./report.js";

export async function runDoctor(
  config: Config,
  cliCommand: CliCommand | CommandRunner,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  serviceOptions: ServiceOptions = {},
): Promise<number> {
  const quiet = new ServerLogger("error");
  const services = buildServices(config, cliCommand, quiet, serviceOptions);
  const registry = new ToolRegistry(services);
  const lines: CheckLine[] = [];
  const emit = (...next: CheckLine[]) => {
    for (const line of next) {
      lines.push(line);
      write(formatLine(line));
    }
  };

  write(`customerio-mcp ${VERSION} doctor`);
  emit(checkNode(), checkMode(config));
  const doctor = doctorCommand();
  const cli = await checkCli(services, () => cliProblem(config));
  emit(cli, checkBackend(services));
  if (cli.status !== "ok") {
    emit(
      skipped("Logged in", "needs the Membrane CLI"),
      skipped("Customer.io connection", "needs the Membrane CLI"),
      skipped("Actions", "needs the Membrane CLI"),
    );
  } else {
    const connection = await checkConnection(services, doctor);
    emit(...connection.lines);
    if (connection.lines.length === 1) emit(skipped("Customer.io connection", "needs a login"));
    if (connection.connection) emit(...(await checkActions(services, registry, doctor)));
    else emit(skipped("Actions", "needs a usable Customer.io connection"));
  }
  emit(await checkCache(config), checkReadOnly(config, services.catalog.current().entries));
  const failed = lines.some((line) => line.status === "fail");
  write(summary(lines, doctor));
  return failed ? 1 : 0;
}
