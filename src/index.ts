#!/usr/bin/env node
/**
 * The `customerio-mcp` bin: reads the configuration, then serves MCP over stdio or HTTP (or runs `doctor`,
 * or prints help or the version). An HTTP server that would be exposed without protection does not start.
 * A bad flag, value or variable is one line on stderr and exit code 2. stdout is JSON-RPC only.
 */
import { type Config, helpText, parseCommandLine } from "./config.js";
import { ConfigError } from "./errors.js";
import { ServerLogger } from "./log.js";
import type { CliCommand, CommandRunner } from "./membrane/cli/cli.js";
import { locateCli } from "./membrane/cli/locate.js";
import { installShutdownHooks } from "./membrane/shutdown.js";
import { HTTP_TOKEN_ENV, MEMBRANE_TOKEN_ENV } from "./options.js";
import { serveOverStdio } from "./serve/stdio.js";
import { buildServer, type ServiceOptions } from "./server.js";
import { VERSION } from "./version.js";

/**
 * What runs the Membrane CLI's commands (the sandbox in this process for --sandbox, else the CLI found), and
 * for `--sandbox --backend api` the same sandbox's REST face as the REST backend's fetch.
 */
async function membraneFor(
  config: Config,
): Promise<{ cliCommand: CliCommand | CommandRunner; serviceOptions: ServiceOptions }> {
  if (!config.sandbox || config.membraneCli) {
    return { cliCommand: locateCli(config.membraneCli).command, serviceOptions: {} };
  }
  // Loaded only for --sandbox: a session with a real account carries none of the sandbox's code.
  const { embeddedSandbox } = await import("./sandbox/launch.js");
  const sandbox = await embeddedSandbox({}, { rest: config.backend === "api" });
  if (!sandbox.api) return { cliCommand: sandbox.runner, serviceOptions: {} };
  const { MintedToken } = await import("./membrane/api/token.js");
  const { fetch, mintToken, baseUrl } = sandbox.api;
  const tokens = new MintedToken(mintToken, "the embedded sandbox (minted in memory; no real account)");
  return { cliCommand: sandbox.runner, serviceOptions: { api: { fetch, tokens, baseUrl, sandbox: true } } };
}

async function main(): Promise<number | undefined> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`customerio-mcp: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { command, config } = parsed;
  // The token lives in config now; CLI children inherit the environment and must never see it.
  delete process.env[HTTP_TOKEN_ENV];
  delete process.env[MEMBRANE_TOKEN_ENV];
  if (command === "help") {
    process.stdout.write(`${helpText(VERSION)}\n`);
    return 0;
  }
  if (command === "version") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === "serve" && config.transport === "http") {
    // The HTTP code is loaded only for HTTP: a stdio session's start-up carries none of it.
    const { checkExposure } = await import("./serve/exposure.js");
    try {
      checkExposure(config);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`customerio-mcp: refusing to start: ${error.message}\n`);
      return 2;
    }
  }
  const log = new ServerLogger(config.logLevel);
  // Over HTTP, serve/shutdown.ts drains requests first; its exit runs the same exit tasks (onExit).
  if (config.transport !== "http") installShutdownHooks(log);
  for (const warning of parsed.warnings) log.warning(warning);
  const { cliCommand, serviceOptions } = await membraneFor(config);
  if (command === "doctor") {
    const { runDoctor } = await import("./doctor/run.js");
    return runDoctor(config, cliCommand, undefined, serviceOptions);
  }
  const built = buildServer(config, cliCommand, log, serviceOptions);
  if (config.transport === "http") {
    const { serveOverHttp } = await import("./serve/serve-http.js");
    await serveOverHttp(built, config, log);
  } else serveOverStdio(built, log);
  void built.start();
  log.debug(`customerio-mcp ${VERSION} serving over ${config.transport} with ${cliCommand.display}`);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    // A setting found wrong only when used (a --token-file that does not exist) is still a configuration error.
    if (error instanceof ConfigError) {
      process.stderr.write(`customerio-mcp: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `customerio-mcp: fatal: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
