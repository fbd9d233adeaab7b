/**
 * Prints the result rows as one Markdown table (so a run can be pasted into docs/benchmarks.md as is),
 * preceded by the machine it ran on.
 */
import { cpus, totalmem } from "node:os";

const COLUMNS = [
  ["row", "#"],
  ["name", "Measurement"],
  ["result", "Result"],
  ["baseline", "Baseline (same run)"],
  ["ratio", "Ratio"],
  ["goal", "Goal"],
  ["met", "Met"],
];

const cell = (row, key) =>
  key === "met" ? (row.met === undefined ? "-" : row.met ? "yes" : "NO") : String(row[key]);

export function machineLine() {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const memory = `${(totalmem() / 1024 ** 3).toFixed(0)} GiB`;
  return `${cpus().length} x ${cpu}, ${memory} RAM, Node ${process.version}, ${process.platform}`;
}

export function printTable(rows, { quick, seconds }) {
  const lines = [
    `customerio-mcp bench${quick ? " (--quick)" : ""}: ${machineLine()}, ${new Date().toISOString().slice(0, 10)}, ${seconds.toFixed(0)} s`,
    "",
    `| ${COLUMNS.map(([, title]) => title).join(" | ")} |`,
    `|${COLUMNS.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${COLUMNS.map(([key]) => cell(row, key)).join(" | ")} |`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
