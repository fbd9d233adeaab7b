/**
 * `customerio-mcp doctor`: placeholder until the doctor issue lands.
 */
import type { Config } from "./config.js";
import type { ServerLogger } from "./log.js";
import type { CliCommand } from "./membrane/cli.js";

export async function runDoctor(_config: Config, _cli: CliCommand, _log: ServerLogger): Promise<number> {
  process.stderr.write("doctor: not implemented yet\n");
  return 1;
}
