/**
 * The catalog of the consent attacks (issue #18): Membrane's generic request action, a request action whose
 * record fixes POST /v1/send/sms but takes an input named `method`, a delete, a broadcast trigger, a
 * suppression, and reads whose effect Membrane does not state (a count, campaign metrics).
 */
import type { Scenario } from "../../fixtures/scenario.js";

export const CONNECTION_ID = "conn-consent";

const record = (
  id: string,
  key: string,
  name: string,
  type: string,
  extra: Record<string, unknown> = {},
) => ({
  id,
  key,
  name,
  description: `${name}.`,
  type,
  inputSchema: { type: "object", properties: { id: { type: "string" } } },
  ...extra,
});

export const ACTIONS = {
  request: record("act-api-request", "make-api-request", "Make API Request", "api-request-to-external-app", {
    inputSchema: {
      type: "object",
      properties: {
        method: { type: "string", enum: ["GET", "POST", "PUT", "PATCH", "DELETE"] },
        path: { type: "string" },
        body: { type: "object", additionalProperties: true },
      },
      required: ["path"],
    },
  }),
  sendSms: record("act-send-sms", "send-sms", "Send SMS", "api-request-to-external-app", {
    config: { request: { method: "POST", path: "/v1/send/sms" } },
    inputSchema: {
      type: "object",
      properties: { method: { type: "string", enum: ["sms", "mms"] }, to: { type: "string" } },
    },
  }),
  deleteCustomer: record("act-delete-customer", "delete-customer", "Delete Customer", "delete-data-record"),
  trigger: record("act-trigger-broadcast", "trigger-broadcast", "Trigger Broadcast", "connector-operation"),
  suppress: record("act-suppress", "suppress-customer", "Suppress Customer", "connector-operation"),
  count: record(
    "act-count-suppressed",
    "count-suppressed-customers",
    "Count Suppressed Customers",
    "connector-operation",
  ),
  metrics: record(
    "act-campaign-metrics",
    "get-campaign-metrics",
    "Get Campaign Metrics",
    "connector-operation",
  ),
  list: record("act-list-customers", "list-customers", "List Customers", "list-data-records"),
};

export function consentScenario(): Scenario {
  return {
    connections: [
      {
        id: CONNECTION_ID,
        name: "Customer.io",
        state: "READY",
        integration: { id: "int-cio", key: "customerio", name: "Customer.io" },
      },
    ],
    actions: Object.values(ACTIONS),
  };
}
