/**
 * The consent attacks' server over stateless Streamable HTTP in this process: the project's HTTP app
 * (src/serve/http.ts: guards, bearer token, the SDK's stateless handler) listening on loopback, as the bin's
 * `--transport http` runs it but without the process, over the recording fake CLI in process. The bin
 * itself (its token file, its start-up lines) is attacked in test/e2e/consent-attack-bins.test.ts.
 */
import { randomBytes } from "node:crypto";
import { parseCommandLine } from "../../../src/config.js";
import { ServerLogger } from "../../../src/log.js";
import { createHttpApp, listen } from "../../../src/serve/http.js";
import { buildServer } from "../../../src/server.js";
import {
  type AttackClient,
  type AttackOptions,
  type AttackServer,
  modernHttpClient,
  recordingCli,
  type StartAttackServer,
} from "./attack-server.js";

/** --allow-writes unless read-only (HTTP is read-only by default), a 2026-07-28 client. */
export const startModernHttpInProcess: StartAttackServer = Object.assign(
  async ({ flags, profile, person }: AttackOptions): Promise<AttackServer> => {
    const { cli, runs } = recordingCli();
    const { config } = parseCommandLine(
      [
        "--transport",
        "http",
        "--port",
        "0",
        "--no-cache",
        "--schema-profile",
        profile,
        ...(flags.includes("--read-only") ? [] : ["--allow-writes"]),
        ...flags,
      ],
      {},
    );
    const log = new ServerLogger("error", () => {});
    const built = buildServer(config, cli, log);
    const token = randomBytes(32).toString("hex");
    const app = createHttpApp(built, config, token, log);
    const url = await listen(app, config);
    void built.start();
    const { client, asked } = await modernHttpClient(person, url, token);
    return {
      client: client as unknown as AttackClient,
      asked,
      runs,
      close: async () => {
        await client.close();
        await app.mcp.close().catch(() => {});
        app.server.closeAllConnections();
        await new Promise<void>((resolve) => app.server.close(() => resolve()));
      },
    };
  },
  { sessions: false },
);
