/**
 * Row 7, memory: the server's peak resident set (VmHWM) after discovering the largest catalog of the
 * token row, listing, searching and running an action; against the minimal SDK server's peak after one
 * tools/list, measured in the same run.
 */
import { peakRssMiB, startServer } from "./lib/mcp.mjs";
import { BASELINE_SERVER, int, ratio } from "./lib/util.mjs";

export async function measureMemory({ runs }) {
  const largest = runs.reduce((a, b) => (b.actions > a.actions ? b : a));
  const base = await startServer({ script: BASELINE_SERVER });
  await base.client.listTools();
  const baseline = peakRssMiB(base.pid);
  await base.close();
  return [
    {
      row: "7",
      name: `Memory: peak RSS with ${int(largest.actions)} actions (discover, list, search, run)`,
      result: `${largest.peakRssMiB.toFixed(1)} MiB`,
      baseline: `${baseline.toFixed(1)} MiB minimal SDK server`,
      ratio: ratio(largest.peakRssMiB / baseline),
      goal: "<= 150 MiB",
      met: largest.peakRssMiB <= 150,
    },
  ];
}
