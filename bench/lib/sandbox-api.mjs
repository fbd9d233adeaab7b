/**
 * The sandbox's REST face on loopback for the bench (`customerio-mcp-sandbox serve --port 0`): spawned with
 * a state folder and any sandbox environment (a fixed latency, extra actions), read back as its URL and a
 * token from the one JSON line it prints.
 */
import { spawn } from "node:child_process";
import { SANDBOX_BIN, sleep } from "./util.mjs";

export async function startSandboxApi(env = {}) {
  const child = spawn(process.execPath, [SANDBOX_BIN, "serve", "--port", "0"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", process.env.BENCH_STDERR ? "inherit" : "ignore"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  for (let waited = 0; waited < 30_000; waited += 25) {
    const line = stdout.split("\n").find((text) => text.startsWith("{"));
    if (line) {
      const { url, token } = JSON.parse(line);
      return { url, token, close: () => child.kill("SIGTERM") };
    }
    if (child.exitCode !== null) break;
    await sleep(25);
  }
  child.kill();
  throw new Error(`the sandbox did not serve: ${stdout}`);
}
