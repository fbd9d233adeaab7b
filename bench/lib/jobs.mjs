/**
 * Common Customer.io jobs, each scripted as the shortest tool path an agent could find from the tool
 * descriptions alone, in two setups: with the direct tools (the default list) and with the generic tools
 * only (`--max-tools 4`: search_actions, then run_action). Run against the sandbox by bench/tasks.mjs
 * (row 11: calls and tokens) and by test/integration/task-jobs.test.ts (so the scripts cannot rot). Each
 * job returns what the person asked for, and `check` says whether that is right for the seeded sandbox.
 *
 * A script reads only what a result shows (its JSON text) and uses only what a description says: e.g. it
 * looks a person up before passing a "Customer ID", and in the generic setup it searches once per action
 * it has not yet seen in a search result.
 */

/** The JSON of a tool result's first text block; throws with the message of a failed call. */
function dataOf(name, result) {
  const text = result.content?.[0]?.text ?? "";
  if (result.isError) throw new Error(`${name} failed: ${text}`);
  return JSON.parse(text);
}

/**
 * The tools a job may call, recording every call and result. `direct(name, args)` calls a tool of the
 * list; `action(key, input, query)` runs an action the generic way: search_actions with `query` unless an
 * earlier search of this job already showed `key`, then run_action (the action's output is `output` of
 * run_action's structured result, the first text block in its text).
 */
export function jobTools(client, { generic }) {
  const calls = [];
  const seen = new Set();
  const call = async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    calls.push({ name, args, result });
    return dataOf(name, result);
  };
  const action = async (key, input, query, options = {}) => {
    if (!generic && options.tool) return call(options.tool, input);
    if (!seen.has(key)) {
      const found = await call("search_actions", { query, limit: 5 });
      for (const match of found.matches) seen.add(match.key);
      if (!seen.has(key)) throw new Error(`search_actions "${query}" did not find ${key}`);
    }
    const args = { action: key, input };
    if (options.dryRun) args.dry_run = true;
    return call("run_action", args);
  };
  return { calls, call, action };
}

const byName = (items, name) => {
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`no item named ${name}`);
  return found;
};

export const JOBS = [
  {
    name: "Find a person by email",
    run: (t) =>
      t.action("get-customer", { email: "mia.schneider@example.com" }, "find a person by email", {
        tool: "get_customer",
      }),
    check: (found) => found.customer?.id === "cust_1003",
  },
  {
    name: "Segment sizes",
    async run(t) {
      const { segments } = await t.action("list-segments", {}, "list segments", { tool: "list_segments" });
      const sizes = {};
      for (const segment of segments) {
        sizes[segment.name] = await t.action(
          "get-segment-customer-count",
          { segmentId: String(segment.id) },
          "number of people in a segment",
          { tool: "get_segment_customer_count" },
        );
      }
      return sizes;
    },
    check: (sizes) => Object.keys(sizes).length >= 6 && sizes["Beta testers"] === 3,
  },
  {
    name: "Preview, then send a transactional email",
    async run(t) {
      const { messages } = await t.action(
        "list-transactional-templates",
        {},
        "transactional email templates",
        {
          tool: "list_transactional_templates",
        },
      );
      const input = {
        transactional_message_id: String(byName(messages, "receipt").id),
        to: "ava.thompson@example.com",
        identifiers: { id: "cust_1001" },
      };
      // Not a direct tool by default (it sends at once, so it comes last in the list's order): found with
      // search_actions in both setups, whose caution says to preview it with run_action and dry_run first.
      const query = "send a transactional email";
      const preview = await t.action("send-transactional-email", input, query, { dryRun: true });
      if (!preview.dryRun) throw new Error("the preview ran");
      return t.action("send-transactional-email", input, query);
    },
    check: (sent) => typeof sent.delivery_id === "string",
  },
  {
    name: "A campaign's metrics",
    async run(t) {
      const { campaigns } = await t.action("list-campaigns", {}, "list campaigns", {
        tool: "list_campaigns",
      });
      const campaign = byName(campaigns, "Trial ending reminder");
      return t.action("get-campaign-metrics", { campaignId: String(campaign.id) }, "campaign metrics", {
        tool: "get_campaign_metrics",
      });
    },
    check: (result) => result.metrics?.sent === 1310,
  },
  {
    name: "Add a person to a segment",
    async run(t) {
      const { customer } = await t.action(
        "get-customer",
        { email: "liam.okafor@example.com" },
        "find a person by email",
        {
          tool: "get_customer",
        },
      );
      const { segments } = await t.action("list-segments", {}, "list segments", { tool: "list_segments" });
      const vip = byName(segments, "VIP");
      return t.action(
        "add-people-to-segment",
        { segmentId: String(vip.id), ids: [customer.id] },
        "add people to a segment",
        { tool: "add_people_to_segment" },
      );
    },
    check: (result) => result.added === 1,
  },
  {
    name: "Recent deliveries for a person",
    run: (t) =>
      t.action(
        "list-customer-messages",
        { customerId: "ava.thompson@example.com", limit: 5 },
        "messages sent to a person",
        { tool: "list_customer_messages" },
      ),
    check: (result) =>
      result.messages?.length > 0 && result.messages.every((message) => message.customer_id === "cust_1001"),
  },
  {
    name: "Create and fill a manual segment",
    async run(t) {
      const { segment } = await t.action(
        "create-manual-segment",
        { name: "Lisbon" },
        "create a manual segment",
        {
          tool: "create_manual_segment",
        },
      );
      const { results } = await t.action("search-customers", { query: "Lisbon" }, "search people", {
        tool: "search_customers",
      });
      return t.action(
        "add-people-to-segment",
        { segmentId: String(segment.id), ids: results.map((person) => person.id) },
        "add people to a segment",
        { tool: "add_people_to_segment" },
      );
    },
    check: (result) => result.added >= 1,
  },
  {
    name: "Export the people with an attribute (plan: pro)",
    async run(t) {
      const { segments } = await t.action("list-segments", {}, "list segments", { tool: "list_segments" });
      // "Pro plan" is the data-driven segment of plan = pro (its description says so).
      const pro = byName(segments, "Pro plan");
      const created = await t.action("create-export", { segmentId: String(pro.id) }, "export people", {
        tool: "create_export",
      });
      if (created.export.status === "done") return created;
      return t.action("get-export", { exportId: created.export.id }, "get an export", { tool: "get_export" });
    },
    check: (result) => result.export?.status === "done" && result.export.total >= 1,
  },
  {
    name: "Change a person's attribute",
    async run(t) {
      const { customer } = await t.action(
        "get-customer",
        { email: "sofia.rossi@example.com" },
        "find a person by email",
        {
          tool: "get_customer",
        },
      );
      return t.action(
        "set-customer-attributes",
        { customerId: customer.id, attributes: { plan: "pro" } },
        "set attributes on a person",
        { tool: "set_customer_attributes" },
      );
    },
    check: (result) => result.customer?.attributes?.plan === "pro",
  },
];

/** The output a job's script works from: run_action's result text is the action's output as is. */
export const SETUPS = [
  { name: "direct", args: [], generic: false },
  { name: "generic", args: ["--max-tools", "4"], generic: true },
];
