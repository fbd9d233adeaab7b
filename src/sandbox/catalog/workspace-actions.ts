/**
 * Workspace-level actions: the region, reporting webhooks and a raw API request. Quirks carried here:
 * a plain-string output, `isSensitive`, `format: "uri"` and an action whose `state` is not READY.
 * `make-api-request` goes through the same simulated App API as `membrane request`.
 */
import { dispatch, normalizePath } from "../api/router.js";
import { type ActionSpec, objectInput, text } from "./types.js";

export const workspaceActions: ActionSpec[] = [
  {
    key: "get-workspace-region",
    name: "Get Workspace Region",
    description: "Return the data-center region the workspace lives in: us or eu.",
    type: "connector-operation",
    isReadOnly: true,
    inputSchema: { type: "object", properties: {} },
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
    isReadOnly: true,
    state: "SETUP_FAILED",
    inputSchema: { type: "object", properties: {} },
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
];
