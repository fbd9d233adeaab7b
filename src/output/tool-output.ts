/**
 * What a tool hands back before it becomes an MCP result (result.ts): here so output/ needs nothing from
 * tools/ (tool-definition.ts re-exports it for the tools).
 */

/** What a tool returns when it succeeds. */
export interface ToolOutput {
  /** The result itself (any JSON); shown as JSON text, cut to --max-output when longer. */
  data: unknown;
  /** Small facts about the call (e.g. the action run id), shown beside the data and never cut. */
  meta?: Record<string, unknown>;
  /** A sentence for the agent, shown after the data. */
  note?: string;
  /**
   * `data` is text shown as it is (a response body that is not JSON, e.g. HTML), not as one JSON string
   * full of `\n`; cut to --max-output at a line break, with the same note.
   */
  plainText?: boolean;
  /** Keep only these parts of `data` (dot paths, `*` for every item) before it is measured. */
  fields?: readonly string[] | undefined;
}
