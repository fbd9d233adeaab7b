/** The text of `--help`, printed from the option table (options.ts) so it cannot drift from the parser. */
import { HTTP_TOKEN_ENV, OPTION_TABLE } from "./options.js";

/** The text of `--help`, built from the same table as the parser. */
export function helpText(version: string): string {
  const lines = [
    `customerio-mcp ${version}: an MCP server (stdio or HTTP) for Customer.io through the Membrane CLI`,
    "",
    "Usage: customerio-mcp [options]          serve MCP over stdio (--transport http: Streamable HTTP)",
    "       customerio-mcp doctor [options]   check the setup, one line per check",
    "",
    "Options (flags win over environment variables, which win over defaults):",
  ];
  for (const row of OPTION_TABLE) {
    lines.push(`  --${row.flag}${row.arg ? ` ${row.arg}` : ""}`);
    lines.push(`      ${row.meaning}. Env: ${row.env}. Default: ${row.shownDefault.replaceAll("`", "")}.`);
  }
  lines.push("  --help      show this text", "  --version   print the version");
  lines.push(
    "",
    `HTTP bearer token: ${HTTP_TOKEN_ENV} or --token-file; on loopback without either, one is generated`,
    "into an owner-only file whose path is printed on stderr. Clients send it as `Authorization: Bearer`.",
  );
  return lines.join("\n");
}
