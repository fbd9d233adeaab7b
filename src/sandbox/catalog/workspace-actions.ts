/**
 * Workspace-level actions: the region, reporting webhooks and a raw API request. Quirks carried here:
 * a plain-string output, `isSensitive`, `format: "uri"` and an action whose `state` is not READY.
 * `make-api-request` goes through the same simulated App API as `membrane request`. An `http-request` and a
 * `run-javascript` action exist so the server's gating of arbitrary requests and custom code is tested; the
 * sandbox sends nothing and runs no code (the first echoes the request, the second is a fixed count).
 */
import { dispatch, normalizePath } from "../api/router.js";
import { bool, countOf, int, record, str } from "./output-schemas.js";
import { type ActionSpec, objectInput, text } from "./types.js";

export const workspaceActions: ActionSpec[] = [
  {
    key: "get-workspace-region",
    name: "Get Workspace Region",
    description: "Return the data-center region the workspace lives in: us or eu.",
    type: "connector-operation",
    inputSchema: { type: "object", properties: {} },
    outputSchema: { type: "string", enum: ["us", "eu"] },
    run: (_input, ws) => ws.region,
  },
  {
    key: "create-reporting-webhook",
    name: "Create Reporting Webhook",
    description: "Send message events (sent, opened, clicked, bounced...) to your endpoint as they happen.",
    type: "create-data-record",
    inputSchema: {
      type: "object",
      properties: {
        name: { type: "string", minLength: 1 },
        endpoint: { type: "string", format: "uri" },
        secret: { type: "string", isSensitive: true, description: "Used to sign each request." },
        events: {
          type: "array",
          items: { type: "string", enum: ["email_sent", "email_opened", "email_clicked", "email_bounced"] },
          maxItems: 4,
        },
      },
      required: ["name", "endpoint"],
    },
    outputSchema: record({
      reporting_webhook: record({ id: int, name: str, endpoint: str, disabled: bool }),
    }),
    run: (input) => ({
      reporting_webhook: {
        id: 1,
        name: text(input, "name"),
        endpoint: text(input, "endpoint"),
        disabled: false,
      },
    }),
  },
  {
    key: "list-reporting-webhooks",
    name: "List Reporting Webhooks",
    description: "List reporting webhooks configured in the workspace.",
    type: "list-data-records",
    state: "SETUP_FAILED",
    inputSchema: { type: "object", properties: {} },
    outputSchema: record({ reporting_webhooks: { type: "array" } }),
    run: () => ({ reporting_webhooks: [] }),
  },
  {
    key: "make-api-request",
    name: "Make API Request",
    description: "Call any Customer.io App API endpoint that no other action covers.",
    type: "api-request-to-external-app",
    inputSchema: {
      type: "object",
      properties: {
        method: { type: "string", enum: ["GET", "POST", "PUT", "DELETE"], default: "GET" },
        path: { type: "string", description: "Path relative to https://api.customer.io/v1" },
        query: { type: "object", additionalProperties: { type: "string" } },
        body: { type: "object", additionalProperties: true },
      },
      required: ["path"],
    },
    run: (input, ws) => {
      const { path, query } = normalizePath(text(input, "path"));
      for (const [name, value] of Object.entries(objectInput(input, "query"))) query.set(name, String(value));
      const body = input["body"];
      return dispatch(ws, { method: text(input, "method", "GET"), path, query, body });
    },
  },
  {
    key: "notify-slack-webhook",
    name: "Notify Slack Webhook",
    description:
      "Post a message to the team's Slack incoming webhook (an HTTP request to hooks.slack.com). In the sandbox nothing is sent: the request is echoed back.",
    type: "http-request",
    inputSchema: {
      type: "object",
      properties: { text: { type: "string", minLength: 1, maxLength: 3000 } },
      required: ["text"],
    },
    outputSchema: record({
      status: int,
      request: record({ method: str, url: str, body: record({ text: str }) }),
    }),
    run: (input) => ({
      status: 200,
      request: {
        method: "POST",
        url: "https://hooks.slack.com/services/sandbox-team",
        body: { text: text(input, "text") },
      },
    }),
  },
  {
    key: "count-people-by-plan",
    name: "Count People by Plan",
    description: "Custom JavaScript: count the people in the workspace per value of their `plan` attribute.",
    type: "run-javascript",
    inputSchema: { type: "object", properties: {} },
    outputSchema: { type: "object", additionalProperties: countOf },
    run: (_input, ws) => {
      const counts: Record<string, number> = {};
      for (const person of ws.people) {
        const plan = String(person.attributes["plan"] ?? "none");
        counts[plan] = (counts[plan] ?? 0) + 1;
      }
      return counts;
    },
  },
];
