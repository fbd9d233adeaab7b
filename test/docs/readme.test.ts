/**
 * The README as a contract: the quick-start commands CI relies on, the configuration table (which must say
 * exactly what `--help` says, both built from OPTION_TABLE), and the generic tools it documents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { helpText, OPTION_TABLE } from "../../src/config.js";
import { GENERIC_TOOL_NAMES } from "../../src/tools/registry.js";
import { REPO_ROOT } from "../helpers/harness.js";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

/** The rows of the markdown table whose header row is `header`, as arrays of trimmed cells. */
function tableRows(text: string, header: string): string[][] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.trim() === header);
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe("README", () => {
  it("starts with what the project is", () => {
    expect(readme.startsWith("# customerio-mcp\n\nAn MCP server")).toBe(true);
  });

  it("keeps the two quick-start commands in one fenced block", () => {
    const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks).toContain("npm install && npm run demo\nnpm install && npm test\n");
  });

  it("leads with the install that works from a clone, and the npx line for once it is published", () => {
    const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks[0]).toBe(
      "npm install && npm run build\nnpm install -g .\ncustomerio-mcp doctor --sandbox\n",
    );
    expect(readme).toContain("`npx -y customerio-mcp`");
  });

  it("documents every option exactly as OPTION_TABLE (and so --help) does, in order", () => {
    const rows = tableRows(readme, "| flag | environment | default | meaning |");
    const expected = OPTION_TABLE.map((row) => [
      `\`--${row.flag}${row.arg ? ` ${row.arg}` : ""}\``,
      `\`${row.env}\``,
      row.shownDefault,
      row.meaning,
    ]);
    expect(rows).toEqual(expected);
  });

  it("has no option --help lacks, and lacks none that --help has", () => {
    const helpFlags = [...helpText("0.0.0").matchAll(/^ {2}--([a-z-]+)/gm)]
      .map((match) => match[1])
      .filter((flag) => flag !== "help" && flag !== "version");
    const readmeFlags = tableRows(readme, "| flag | environment | default | meaning |").map(
      (row) => /^`--([a-z-]+)/.exec(row[0] ?? "")?.[1],
    );
    expect(readmeFlags).toEqual(helpFlags);
    for (const row of OPTION_TABLE) {
      const help = helpText("0.0.0");
      expect(help).toContain(`Env: ${row.env}.`);
      expect(help).toContain(`Default: ${row.shownDefault.replaceAll("`", "")}.`);
    }
  });

  it("documents each generic tool and the doctor command", () => {
    for (const name of GENERIC_TOOL_NAMES) expect(readme).toContain(`\`${name} {`);
    expect(readme).toContain("customerio-mcp doctor");
    expect(readme).toContain("npm run bundle");
    expect(readme).toContain("npm run inspect");
  });
});
