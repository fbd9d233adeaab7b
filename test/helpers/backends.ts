/**
 * Both backends behind one test body: `BACKENDS` to loop over, and the REST side of the CLI runners the
 * tests already use. The in-process sandbox (sandboxRunner) and the fault equipment (faultyRunner) answer
 * with the REST face of the very same sandbox (one workspace behind both faces); the scripted fake
 * (fixtureCli) with its REST front (same scenario, same invocation record); the sandbox bin (sandboxCli)
 * with the REST face over its state folder. All in this process, as the REST backend's injected fetch:
 * nothing mocks the global fetch.
 */
import { MintedToken } from "../../src/membrane/api/token.js";
import type { CliCommand, CommandRunner } from "../../src/membrane/cli/cli.js";
import { type SandboxApi, sandboxApi } from "../../src/sandbox/rest/in-process.js";
import { mintSandboxToken, newSecret, verifySandboxToken } from "../../src/sandbox/rest/token.js";
import type { ServiceOptions } from "../../src/services.js";
import { fakeMembraneRest } from "../fixtures/fake-membrane-rest.js";

export const BACKENDS = ["cli", "api"] as const;
export type BackendName = (typeof BACKENDS)[number];

/** Where the REST backend's requests go in tests: a reserved name that no network can resolve. */
export const TEST_API_URL = "http://membrane-test.invalid";

type RestSide = NonNullable<ServiceOptions["api"]>;

/** The REST side of each in-process runner the harness made, by runner. */
const restSides = new WeakMap<CommandRunner, () => RestSide>();

/** Gives `runner` its REST side (built when a test asks for the api backend). */
export function withRest<T extends CommandRunner>(runner: T, rest: () => RestSide): T {
  restSides.set(runner, rest);
  return runner;
}

/** A sandbox's REST face, with tokens it mints in memory. */
export function restOfSandbox(api: SandboxApi): RestSide {
  return {
    fetch: api.fetch,
    tokens: new MintedToken(api.mintToken, "the test sandbox"),
    baseUrl: TEST_API_URL,
  };
}

/** fake-membrane's REST front over the scenario of `env`, behind a bearer check with tokens of its own. */
export function restOfFake(env: Record<string, string>): RestSide {
  const fake = fakeMembraneRest(env);
  const secret = newSecret();
  const fetch = async (url: string, init: RequestInit) => {
    const request = new Request(url, init);
    const bearer = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (!verifySandboxToken(secret, bearer))
      return new Response('{"message":"Not authenticated"}', { status: 401 });
    return fake.fetch(request);
  };
  return {
    fetch,
    tokens: new MintedToken(async () => mintSandboxToken(secret), "the test fake"),
    baseUrl: TEST_API_URL,
  };
}

/** The REST backend's fetch and tokens standing in for `cli`. */
export function restFor(cli: CliCommand | CommandRunner): RestSide {
  if ("run" in cli) {
    const side = restSides.get(cli);
    if (!side) throw new Error(`no REST side for the runner ${cli.display}: make it with withRest`);
    return side();
  }
  const env = cli.env ?? {};
  const stateDir = env["CUSTOMERIO_SANDBOX_STATE_DIR"];
  // The sandbox bin's state folder: its REST face over the same workspace and token secret.
  if (stateDir !== undefined) return restOfSandbox(sandboxApi({ stateDir }));
  return restOfFake(env);
}
