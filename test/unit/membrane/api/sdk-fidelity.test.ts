/**
 * Faithful to Membrane, checked against Membrane's own code: for each operation `@membranehq/sdk` has
 * (connections, the actions list, intent search, the deprecated run route for the shape of `input`), the
 * real SDK and the REST backend send to the same recording loopback server, and what reached it is compared:
 * method, path, query, the bearer token and the `membrane-api-version` header, and the body. Every `/act`
 * body the backend sends is checked against the OpenAPI's ActRequestDto (a closed object).
 */
import { MembraneClient } from "@membranehq/sdk";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiBackend } from "../../../../src/membrane/api/api-backend.js";
import { buildApiBackend } from "../../../../src/membrane/api/build.js";
import { GivenToken } from "../../../../src/membrane/api/token.js";
import { MembraneCli } from "../../../../src/membrane/cli/cli.js";
import { mintSandboxToken, newSecret } from "../../../../src/sandbox/rest/token.js";
import actRequestDto from "../../../fixtures/openapi/act-request-dto.json" with { type: "json" };
import {
  type RecordedRequest,
  type RecordingServer,
  startRecordingServer,
} from "../../../helpers/recording-server.js";
import { silentLogger } from "../../../helpers/silent-logger.js";

const TOKEN = mintSandboxToken(newSecret());
/** Characters that must be encoded in a query value or a body. */
const CONNECTION_ID = "conn/1 &x=é?#+";
const INPUT = {
  email: "ada+1@example.com",
  tags: ["a", "b"],
  nested: { n: 1.5, ok: true, none: null },
  é: "ü",
};

let server: RecordingServer;
let sdk: MembraneClient;
let backend: ApiBackend;

function answer(request: RecordedRequest) {
  if (request.path === "/connections") return { body: { items: [{ id: "c1", name: "Customer.io" }] } };
  if (request.path === "/actions") return { body: { items: [{ id: "a1", name: "List" }] } };
  return { body: { output: { ok: true }, actionRunId: "run-1" } };
}

/** What the comparison looks at: everything but transport details (user agent, content length...). */
function wire(request: RecordedRequest) {
  return {
    method: request.method,
    path: request.path,
    query: [...request.query].sort(),
    authorization: request.headers["authorization"],
    version: request.headers["membrane-api-version"],
  };
}

/** Runs `call` and returns the requests it made. */
async function sent(call: () => Promise<unknown>): Promise<RecordedRequest[]> {
  const before = server.requests.length;
  await call();
  return server.requests.slice(before);
}

beforeAll(async () => {
  server = await startRecordingServer(answer);
  sdk = new MembraneClient({ token: TOKEN, apiUri: server.url });
  const cli = new MembraneCli(
    { command: "membrane-not-run", args: [], env: {}, display: "unused" },
    { timeoutMs: 5000, maxConcurrent: 1, maxOutputBytes: 1000, log: silentLogger },
  );
  backend = buildApiBackend({ membraneApiUrl: server.url, timeoutSeconds: 10 }, cli, silentLogger, {
    tokens: new GivenToken(TOKEN),
  });
});
afterAll(() => server.close());

describe("the REST backend sends what @membranehq/sdk sends", () => {
  it("lists connections as connections.find() does", async () => {
    const [theirs] = await sent(() => sdk.connections.find());
    const [ours] = await sent(() => backend.listConnections());
    expect(wire(ours!)).toEqual(wire(theirs!));
    expect(ours?.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
    expect(ours?.headers["membrane-api-version"]).toBe("2025-10-21");
    expect(ours?.body).toBe("");
  });

  it("lists a connection's actions as actions.findAll({connectionId}) does, query values encoded alike", async () => {
    const theirs = await sent(() => sdk.actions.findAll({ connectionId: CONNECTION_ID }));
    const ours = await sent(() => backend.listAllActions(CONNECTION_ID));
    expect(ours.map(wire)).toEqual(theirs.map(wire));
    expect(ours[0]?.query).toContainEqual(["connectionId", CONNECTION_ID]);
    expect(ours[0]?.query).toContainEqual(["cursor", "0"]);
  });

  it("searches by intent as actions.find({connectionId, intent, limit}) does", async () => {
    const intent = "find a customer by email & add them to a segment";
    const [theirs] = await sent(() => sdk.actions.find({ connectionId: CONNECTION_ID, intent, limit: 7 }));
    const [ours] = await sent(() => backend.searchActions(CONNECTION_ID, intent, 7));
    expect(wire(ours!)).toEqual(wire(theirs!));
  });

  it("runs with POST /act carrying the same input as the deprecated action(id).run(input)", async () => {
    const [theirs] = await sent(() => sdk.action("a1").run(INPUT, { connectionId: CONNECTION_ID }));
    const [ours] = await sent(() => backend.runAction(CONNECTION_ID, "a1", INPUT));
    expect(theirs?.path).toBe("/actions/a1/run");
    expect(ours?.method).toBe("POST");
    expect(ours?.path).toBe("/act");
    expect(ours?.query).toEqual([]);
    expect([ours?.headers["authorization"], ours?.headers["membrane-api-version"]]).toEqual([
      theirs?.headers["authorization"],
      theirs?.headers["membrane-api-version"],
    ]);
    const theirBody = JSON.parse(theirs?.body ?? "") as { input: unknown };
    const ourBody = JSON.parse(ours?.body ?? "") as Record<string, unknown>;
    expect(ourBody).toEqual({ id: "a1", connectionId: CONNECTION_ID, input: theirBody.input });
    expect(JSON.stringify(ourBody["input"])).toBe(JSON.stringify(theirBody.input));
  });

  it("sends /act bodies that are ActRequestDto, for runs and raw requests alike", async () => {
    const validate = new Ajv({ strict: false }).compile(actRequestDto);
    const requests = await sent(async () => {
      await backend.runAction("c1", "a1", INPUT);
      await backend.request("c1", {
        method: "POST",
        path: "/v1/customers/1/attributes",
        query: [["limit", "5"]],
        headers: [["Content-Type", "application/json"]],
        body: JSON.stringify({ a: [1, "x"] }),
        bodyIsJson: true,
      });
      await backend.request("c1", {
        method: "GET",
        path: "/v1/segments",
        query: [],
        headers: [],
        bodyIsJson: false,
      });
    });
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      const body = JSON.parse(request.body) as unknown;
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(JSON.parse(requests[1]?.body ?? "")).toEqual({
      connectionId: "c1",
      api: {
        method: "POST",
        path: "/v1/customers/1/attributes",
        query: { limit: "5" },
        headers: { "Content-Type": "application/json" },
        body: { a: [1, "x"] },
      },
    });
    // The closed schema does refuse what it does not name (the check is not vacuous).
    expect(validate({ connectionId: "c1", extra: 1 })).toBe(false);
  });
});
