/**
 * Both backends behind one test body: `BACKENDS` to loop over, and the REST side of the CLI commands the
 * tests already use. The built sandbox CLI becomes the sandbox's REST face over the same state folder and
 * faults; the fake-membrane fixture becomes its REST front (same scenario, same invocation record). Both run
 * in this process as the REST backend's injected fetch: nothing mocks the global fetch.
 */
import { MintedToken } from "../../src/membrane/api/token.js";
import type { CliCommand } from "../../src/membrane/cli.js";
import { sandboxApiOver } from "../../src/sandbox/rest/in-process.js";
import { mintSandboxToken, newSecret, verifySandboxToken } from "../../src/sandbox/rest/token.js";
import type { ServiceOptions } from "../../src/services.js";
import { fakeMembraneRest } from "../fixtures/fake-membrane-rest.js";

export const BACKENDS = ["cli", "api"] as const;
export type BackendName = (typeof BACKENDS)[number];

/** Where the REST backend's requests go in tests: a reserved name that no network can resolve. */
export const TEST_API_URL = "http://membrane-test.invalid";

/** The REST backend's fetch and tokens standing in for `cli` (the sandbox bin or fake-membrane). */
export function restFor(cli: CliCommand): NonNullable<ServiceOptions["api"]> {
  const env = cli.env ?? {};
  const stateDir = env["CUSTOMERIO_SANDBOX_STATE_DIR"];
  if (stateDir !== undefined) {
    const api = sandboxApiOver(stateDir, env);
    return {
      fetch: api.fetch,
      tokens: new MintedToken(api.mintToken, "the test sandbox"),
      baseUrl: TEST_API_URL,
    };
  }
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
