/**
 * The sandbox's REST face hangs on the sandbox library: `--sandbox --backend api` (launch.ts embeddedSandbox)
 * puts one sandbox behind both faces, so what one face writes the other reads; the face is configured by the
 * sandbox's options (the account's connections), never by the environment; and a token the CLI face's
 * `token` command prints (what the REST backend mints through MembraneCli) is one the REST face accepts.
 */
import { describe, expect, it } from "vitest";
import { MembraneCli } from "../../../src/membrane/cli/cli.js";
import { embeddedSandbox } from "../../../src/sandbox/launch.js";
import { sandboxApi } from "../../../src/sandbox/rest/in-process.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { CONNECTION } from "./helpers.js";

const cliOver = (runner: ConstructorParameters<typeof MembraneCli>[0]) =>
  new MembraneCli(runner, { timeoutMs: 10_000, maxConcurrent: 1, maxOutputBytes: 1e6, log: silentLogger });

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

describe("the sandbox's REST face", () => {
  it("shares one workspace with the CLI face of the same embedded sandbox", async () => {
    const { runner, api } = await embeddedSandbox({}, { rest: true });
    if (!api) throw new Error("no REST face");
    const cli = cliOver(runner);
    // The token comes from the CLI face's `token` command, as the REST backend mints it.
    const token = (await cli.run(["token"])).trim();
    const name = "Made through the REST face";
    const created = await api.fetch(`${api.baseUrl}/act`, {
      method: "POST",
      headers: bearer(token),
      body: JSON.stringify({
        connectionId: CONNECTION,
        api: { method: "POST", path: "/v1/segments", body: { segment: { name } } },
      }),
    });
    expect(created.status, await created.clone().text()).toBe(200);
    const listed = await cli.run([
      "action",
      "run",
      "list-segments",
      `--connectionId=${CONNECTION}`,
      "--json",
    ]);
    expect(listed).toContain(name);
  });

  it("takes the account's connections from the sandbox's options, and refuses a token it did not sign", async () => {
    const api = sandboxApi({ connections: "none" });
    const token = await api.mintToken();
    const answer = await api.fetch(`${api.baseUrl}/connections`, { headers: bearer(token) });
    const { items } = (await answer.json()) as { items: Array<{ key: string }> };
    expect(items.map((item) => item.key)).toEqual(["slack"]);
    const other = await sandboxApi().mintToken();
    const refused = await api.fetch(`${api.baseUrl}/connections`, { headers: bearer(other) });
    expect(refused.status).toBe(401);
  });
});
