#!/usr/bin/env node
/**
 * customerio-mcp-sandbox: the sandbox's CLI face as a process, a stand-in for the Membrane CLI (`membrane`)
 * over a simulated Customer.io workspace, for whoever wants the process path (`--membrane-cli` pointing at
 * it). It speaks the contract in docs/membrane-cli-contract.md: JSON on stdout; on failure exit 1 and one
 * line of JSON `{"error":{"message","status"?,"data"?,"actionRunId"?}}` on stderr; bad usage exit 2 with text.
 * (`--sandbox` runs the same face inside the server's process: see launch.ts.)
 *
 * Environment (read once, into the sandbox's options, by env.ts and nowhere else):
 *   CUSTOMERIO_SANDBOX_STATE_DIR      folder holding the workspace state (workspace.json), shared by every
 *                                     run; seeded on first use. Default: <os tmpdir>/customerio-mcp-sandbox.
 *   CUSTOMERIO_SANDBOX_LATENCY_MS     sleep this long before answering any command (a slow CLI).
 *   CUSTOMERIO_SANDBOX_EXTRA_ACTIONS  append n generated, varied actions to the catalog (deterministic).
 *
 * `customerio-mcp-sandbox serve --port <n>` serves the same sandbox's REST face on loopback instead
 * (rest/serve.ts), for the REST backend in another process.
 */
import { runCli } from "./cli/face.js";
import { optionsFromEnv } from "./env.js";
import { createSandbox } from "./sandbox.js";

const argv = process.argv.slice(2);
const sandbox = createSandbox(optionsFromEnv(process.env));
if (argv[0] === "serve") {
  // Loaded only for `serve`: a CLI run, started hundreds of times by tests, carries none of the HTTP code.
  process.exitCode = await (await import("./rest/serve.js")).serveMain(sandbox, argv.slice(1));
} else {
  const answer = await runCli(sandbox, argv);
  if (answer.stdout) process.stdout.write(answer.stdout);
  if (answer.stderr) process.stderr.write(answer.stderr);
  process.exitCode = answer.exitCode;
}
