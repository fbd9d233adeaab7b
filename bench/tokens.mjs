/**
 * Row 6, token footprint: the default tools/list in characters and estimated tokens (4 characters a
 * token, as the server estimates), and its number of direct tools, for the sandbox catalog and generated
 * catalogs, next to "every action as a tool with its raw schema" (what a naive converter would send).
 * The raw actions come from the sandbox CLI itself (`action list`, page by page).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { runCatalog } from "./lib/catalog-run.mjs";
import { int, ratio, SANDBOX_BIN, tempDir } from "./lib/util.mjs";

const run = promisify(execFile);
const tokens = (chars) => Math.ceil(chars / 4);

/** Every action of the sandbox with `extra` generated ones, as the CLI lists them. */
async function rawActions(extra) {
  const env = {
    ...process.env,
    CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("raw"),
    CUSTOMERIO_SANDBOX_EXTRA_ACTIONS: String(extra),
  };
  const actions = [];
  let cursor;
  do {
    const args = [SANDBOX_BIN, "action", "list", "--connectionId=sandbox-customerio", "--limit=20", "--json"];
    if (cursor) args.push(`--cursor=${cursor}`);
    const page = JSON.parse((await run(process.execPath, args, { env, maxBuffer: 64 * 1024 * 1024 })).stdout);
    actions.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return actions;
}

const naiveChars = (actions) =>
  JSON.stringify(
    actions.map((action) => ({
      name: action.key,
      description: action.description,
      inputSchema: action.inputSchema ?? { type: "object" },
    })),
  ).length;

/** Returns the rows and the runs (the memory row reads the largest). */
export async function measureTokens({ sizes }) {
  const { DEFAULT_LIST_BUDGET_CHARS } = await import("../test/.build/src/catalog/selection.js");
  const largest = Math.max(...sizes);
  // The sandbox's own actions come first and generated ones are the same whatever n is: one listing
  // of the largest catalog gives every smaller one as a prefix.
  const all = await rawActions(largest);
  const core = all.length - largest;
  const rows = [];
  const runs = [];
  for (const extra of sizes) {
    const result = await runCatalog(extra);
    runs.push({ extra, ...result });
    const naive = naiveChars(all.slice(0, core + extra));
    rows.push({
      row: "6",
      name: `Tokens, ${extra === 0 ? "sandbox catalog" : `${int(extra)} generated`} (${int(result.actions)} actions): ${result.directTools} direct tools`,
      result: `${int(result.chars)} chars ~${int(tokens(result.chars))} tok`,
      baseline: `${int(naive)} chars ~${int(tokens(naive))} tok naive`,
      ratio: ratio(result.chars / naive),
      goal: `<= ${int(DEFAULT_LIST_BUDGET_CHARS)} chars`,
      met: result.chars <= DEFAULT_LIST_BUDGET_CHARS,
    });
  }
  return { rows, runs };
}
