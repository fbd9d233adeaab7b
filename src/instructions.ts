/**
 * The `instructions` sent in `initialize`: the few lines an agent needs to use this server well.
 */
export function serverInstructions(readOnly: boolean): string {
  return [
    "Customer.io tools through the Membrane CLI. Membrane holds the credentials; never ask the person for API keys.",
    "Workflow: 1) use a direct tool when one fits; 2) otherwise search_actions with what you want to do, then run_action with the match's id and input; 3) only when no action covers it, proxy_request with a relative Customer.io API path.",
    "Before anything that sends messages (broadcasts, newsletters, transactional email) or deletes or suppresses people, call run_action or proxy_request with dry_run: true, show the person what would happen, and ask for confirmation.",
    "Large results are cut to fit: ask for fewer items, page with the cursor, or keep only some parts with `fields`.",
    "When a tool fails with a setup problem (CLI not found, not logged in, no connection), call connection_status and relay its nextStep to the person.",
    readOnly
      ? "This server is read-only: tools that change data are not offered and are refused. An operation whose effect Membrane does not state (search_actions shows asksPersonFirst) runs through run_action only after the person agrees."
      : "",
  ]
    .filter(Boolean)
    .join("\n");
}
