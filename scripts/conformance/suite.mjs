/**
 * Which conformance scenarios run, from which release of @modelcontextprotocol/conformance, and which
 * checks cannot apply to this server (each with the reason). Everything else must pass.
 */

/** The suite needs Node 22+; both releases and that Node come from the npm registry into a cache dir. */
export const PACKAGES = {
  node: "22",
  stable: "0.1.16",
  preRelease: "0.2.0-alpha.12",
};

/** [release, scenario]: the scenarios that apply to any tools server. */
export const SCENARIOS = [
  ["stable", "server-initialize"],
  ["stable", "tools-list"],
  ["stable", "ping"],
  ["stable", "logging-set-level"],
  ["stable", "dns-rebinding-protection"],
  ["preRelease", "server-stateless"],
  ["preRelease", "http-header-validation"],
  ["preRelease", "tools-list"],
];

/** Checks inside a run scenario that need the suite's own diagnostic tools, which this server has not. */
export const NOT_APPLICABLE_CHECKS = {
  "sep-2575-server-rejects-undeclared-capability":
    "needs the suite's `test_missing_capability` tool; no tool here requires a client capability",
  "sep-2575-missing-capability-http-400": "same diagnostic tool as above (the -32021 HTTP status)",
  "sep-2575-http-server-no-independent-requests-on-stream":
    "needs the suite's `test_streaming_elicitation` tool; no tool here elicits",
  "sep-2575-server-no-log-without-loglevel":
    "needs the suite's `test_logging_tool`; tested here in test/e2e/eras.test.ts instead",
};

/** Scenarios not run, and why. */
export const NOT_APPLICABLE_SCENARIOS = {
  "tools-call-*":
    "call fixed test tools (test_simple_text, test_image_content, ...) the suite expects a demo server to have",
  "resources-*, prompts-*, completion-complete": "this server offers tools only",
  "elicitation-*, tools-call-sampling, input-required-*": "no tool asks the client for input",
  "server-session-lifecycle, server-sse-polling, server-sse-multiple-streams":
    "stateless by design: no sessions, no resumable streams",
  "caching, http-custom-header-server-validation": "need suite-specific resources or x-mcp-header tools",
  "tasks-*, sep-2640-*": "extensions this server does not implement",
};
