/**
 * Rows 13 to 16, the REST backend (`--backend api`) against the sandbox's REST face on loopback with a fixed
 * latency (a network): one run_action against the same `POST /act` sent directly with fetch, and the same
 * call over the CLI backend; 16 concurrent HTTP clients, REST against CLI; start-up against the minimal SDK
 * server; peak memory with 1,000 actions more. Every baseline is measured in the same run; the concurrent
 * row runs one unmeasured round of each, as long as the measured one, first.
 */
import { httpClient, percentile, startHttpServer } from "./lib/http.mjs";
import { peakRssMiB, resultData, startServer, waitForDiscovery } from "./lib/mcp.mjs";
import { startSandboxApi } from "./lib/sandbox-api.mjs";
import { BASELINE_SERVER, median, ms, ratio, SANDBOX_BIN, tempDir, timed } from "./lib/util.mjs";

/** Between the 20 ms of a nearby region and the 100 ms or more of a far one: a network to Membrane's API. */
const LATENCY_MS = "50";
const CONNECTION = "sandbox-customerio";
const INPUT = { limit: 10 };
const CLIENTS = 16;

const restArgs = (url) => ["--backend", "api", "--membrane-api-url", url, "--no-cache"];

/** A fetch of `POST /act` as the REST backend sends it: the floor of a call. */
function directAct(api, actionId) {
  return async () => {
    const response = await fetch(`${api.url}/act`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${api.token}`,
        "membrane-api-version": "2025-10-21",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ id: actionId, connectionId: CONNECTION, input: INPUT }),
    });
    if (!response.ok) throw new Error(`POST /act answered ${response.status}`);
    return response.json();
  };
}

async function callRows(api, env, runs) {
  const rest = await startServer({ args: restArgs(api.url), env: { MEMBRANE_TOKEN: api.token } });
  const cli = await startServer({ args: ["--membrane-cli", SANDBOX_BIN, "--no-cache"], env });
  try {
    await waitForDiscovery(rest.client);
    await waitForDiscovery(cli.client);
    const found = resultData(
      await rest.client.callTool({
        name: "search_actions",
        arguments: { query: "list customers", limit: 5 },
      }),
    );
    const actionId = found.matches.find((match) => match.key === "list-customers")?.id;
    const call = (client) => () =>
      client.callTool({ name: "run_action", arguments: { action: actionId, input: INPUT } });
    const direct = directAct(api, actionId);
    await direct();
    resultData(await call(rest.client)());
    resultData(await call(cli.client)());
    const [overRest, overCli, alone] = [[], [], []];
    for (let i = 0; i < runs; i++) {
      alone.push((await timed(direct)).ms);
      const a = await timed(call(rest.client));
      resultData(a.result);
      overRest.push(a.ms);
      const b = await timed(call(cli.client));
      resultData(b.result);
      overCli.push(b.ms);
    }
    const restRatio = median(overRest) / median(alone);
    const cliRatio = median(overCli) / median(alone);
    return [
      {
        row: "13",
        name: `REST backend: run_action vs the same POST /act fetched directly (${LATENCY_MS} ms latency; median of ${runs})`,
        result: `${ms(median(overRest))} (+${ms(median(overRest) - median(alone))})`,
        baseline: `${ms(median(alone))} fetch alone`,
        ratio: ratio(restRatio),
        goal: "<= 1.3x",
        met: restRatio <= 1.3,
      },
      {
        row: "13b",
        name: `CLI backend: the same run_action vs that fetch (same latency per CLI run; median of ${runs})`,
        result: ms(median(overCli)),
        baseline: `${ms(median(alone))} fetch alone`,
        ratio: ratio(cliRatio),
        goal: "report",
        met: undefined,
      },
    ];
  } finally {
    await rest.close();
    await cli.close();
  }
}

async function load(clients, calls) {
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = 0; i < calls; i++) {
        const { ms: took, result } = await timed(() =>
          client.callTool({ name: "run_action", arguments: { action: "list-customers", input: INPUT } }),
        );
        resultData(result);
        latencies.push(took);
      }
    }),
  );
  return {
    perSecond: latencies.length / ((performance.now() - started) / 1000),
    p95: percentile(latencies, 0.95),
  };
}

async function concurrencyRow(api, env, calls) {
  const rest = await startHttpServer({ args: restArgs(api.url), env: { MEMBRANE_TOKEN: api.token } });
  const cli = await startHttpServer({ args: ["--membrane-cli", SANDBOX_BIN, "--no-cache"], env });
  const restClients = await Promise.all(Array.from({ length: CLIENTS }, () => httpClient(rest.url)));
  const cliClients = await Promise.all(Array.from({ length: CLIENTS }, () => httpClient(cli.url)));
  try {
    await waitForDiscovery(restClients[0]);
    await waitForDiscovery(cliClients[0]);
    // One unmeasured round each, as long as the measured one: the server's code paths warm up (JIT) first.
    await load(restClients, calls);
    await load(cliClients, calls);
    const overRest = await load(restClients, calls);
    const overCli = await load(cliClients, calls);
    const value = overRest.perSecond / overCli.perSecond;
    return {
      row: "14",
      name: `${CLIENTS} concurrent HTTP clients, ${calls} calls each: calls/s (p95), REST backend vs CLI backend`,
      result: `${overRest.perSecond.toFixed(1)}/s (p95 ${ms(overRest.p95)})`,
      baseline: `${overCli.perSecond.toFixed(1)}/s (p95 ${ms(overCli.p95)}) CLI backend`,
      ratio: ratio(value),
      goal: ">= 10x",
      met: value >= 10,
    };
  } finally {
    await Promise.all([...restClients, ...cliClients].map((client) => client.close()));
    rest.close();
    cli.close();
  }
}

/** As row 1: the API answers after 3 s, so a start-up that waited for Membrane (or did discovery's work first) would show it. */
async function startupRow(runs) {
  const api = await startSandboxApi({
    CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("state-startup"),
    CUSTOMERIO_SANDBOX_LATENCY_MS: "3000",
  });
  try {
    return await startupAgainst(api, runs);
  } finally {
    api.close();
  }
}

async function startupAgainst(api, runs) {
  const ours = [];
  const baseline = [];
  for (let i = -1; i < runs; i++) {
    const base = await startServer({ script: BASELINE_SERVER });
    await base.close();
    const server = await startServer({ args: restArgs(api.url), env: { MEMBRANE_TOKEN: api.token } });
    await server.close();
    if (i >= 0) {
      baseline.push(base.connectMs);
      ours.push(server.connectMs);
    }
  }
  const value = median(ours) / median(baseline);
  return {
    row: "15",
    name: `Start-up with --backend api: spawn -> initialize (median of ${runs}; the API takes 3 s)`,
    result: ms(median(ours)),
    baseline: `${ms(median(baseline))} minimal SDK server`,
    ratio: ratio(value),
    goal: "<= 1.5x",
    met: value <= 1.5,
  };
}

async function memoryRow() {
  const api = await startSandboxApi({
    CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("state-mem"),
    CUSTOMERIO_SANDBOX_EXTRA_ACTIONS: "1000",
  });
  const server = await startServer({ args: restArgs(api.url), env: { MEMBRANE_TOKEN: api.token } });
  const base = await startServer({ script: BASELINE_SERVER });
  try {
    const catalog = await waitForDiscovery(server.client);
    await server.client.listTools();
    await server.client.callTool({
      name: "search_actions",
      arguments: { query: "customer segment", limit: 10 },
    });
    resultData(
      await server.client.callTool({
        name: "run_action",
        arguments: { action: "list-customers", input: {} },
      }),
    );
    await base.client.listTools();
    const peak = peakRssMiB(server.pid);
    const baseline = peakRssMiB(base.pid);
    return {
      row: "16",
      name: `Memory with --backend api: peak RSS with ${catalog.actions.toLocaleString("en-US")} actions (discover, list, search, run)`,
      result: `${peak.toFixed(1)} MiB`,
      baseline: `${baseline.toFixed(1)} MiB minimal SDK server`,
      ratio: ratio(peak / baseline),
      goal: "<= 150 MiB",
      met: peak <= 150,
    };
  } finally {
    await server.close();
    await base.close();
    api.close();
  }
}

export async function measureRestBackend({ runs, calls, startups }) {
  const env = {
    CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("state-rest"),
    CUSTOMERIO_SANDBOX_LATENCY_MS: LATENCY_MS,
  };
  const api = await startSandboxApi(env);
  try {
    const rows = await callRows(api, env, runs);
    rows.push(await concurrencyRow(api, env, calls));
    rows.push(await startupRow(startups));
    rows.push(await memoryRow());
    return rows;
  } finally {
    api.close();
  }
}
