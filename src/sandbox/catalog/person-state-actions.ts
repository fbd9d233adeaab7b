/**
 * Actions on a person's attributes and suppression state. Quirks carried here: a type array
 * (`["string","null"]`), a `readOnly` property inside an input, a `required` entry naming a property that
 * does not exist, and an output that is a bare number.
 */
import type { Json, JsonObject } from "../state/types.js";
import { personAttributes, requirePerson, updateAttributes } from "../workspace/people.js";
import { countOf, customerAttributes, suppression } from "./output-schemas.js";
import { type ActionSpec, objectInput, text } from "./types.js";

export const personStateActions: ActionSpec[] = [
  {
    key: "get-customer-attributes",
    name: "Get Customer Attributes",
    description: "Return every attribute stored on a person, with creation and update timestamps.",
    type: "find-data-record-by-id",
    inputSchema: {
      type: "object",
      properties: { customerId: { type: "string", title: "Customer ID" } },
      required: ["customerId"],
    },
    outputSchema: customerAttributes,
    run: (input, ws) => personAttributes(ws, requirePerson(ws, text(input, "customerId"))),
  },
  {
    key: "set-customer-attributes",
    name: "Set Customer Attributes",
    description: "Set or clear attributes on a person. Pass null for a value to remove that attribute.",
    type: "update-data-record",
    inputSchema: {
      type: "object",
      properties: {
        customerId: { type: "string", title: "Customer ID" },
        email: { type: ["string", "null"], format: "email", description: "New email, or null to clear it." },
        attributes: {
          type: "object",
          additionalProperties: { type: ["string", "number", "boolean", "null"] },
        },
      },
      required: ["customerId"],
    },
    outputSchema: customerAttributes,
    run: (input, ws) => {
      const person = requirePerson(ws, text(input, "customerId"));
      const attrs: JsonObject = { ...objectInput(input, "attributes") };
      if (input["email"] !== undefined) attrs["email"] = input["email"] as Json;
      updateAttributes(person, attrs);
      return personAttributes(ws, person);
    },
  },
  {
    key: "suppress-customer",
    name: "Suppress Customer",
    description: "Suppress a person: delete their data and block their identifier from being re-added.",
    type: "connector-operation",
    inputSchema: {
      type: "object",
      properties: {
        customerId: { type: "string", title: "Customer ID" },
        suppressed_at: {
          type: "string",
          format: "date-time",
          readOnly: true,
          description: "Set by Customer.io.",
        },
      },
      required: ["customerId"],
    },
    outputSchema: suppression,
    run: (input, ws) => {
      const person = requirePerson(ws, text(input, "customerId"));
      person.suppressed = true;
      return { id: person.id, suppressed: true };
    },
  },
  {
    key: "unsuppress-customer",
    name: "Unsuppress Customer",
    description: "Lift a suppression so the person's identifier can be added to the workspace again.",
    type: "connector-operation",
    inputSchema: {
      type: "object",
      properties: { customerId: { type: "string", title: "Customer ID" } },
      required: ["customerId", "customer_id"],
    },
    outputSchema: suppression,
    run: (input, ws) => {
      const person = requirePerson(ws, text(input, "customerId"));
      person.suppressed = false;
      return { id: person.id, suppressed: false };
    },
  },
  {
    key: "count-suppressed-customers",
    name: "Count Suppressed Customers",
    description: "Return how many people are currently suppressed.",
    type: "connector-operation",
    inputSchema: { type: "object", properties: {} },
    outputSchema: countOf,
    run: (_input, ws) => ws.people.filter((p) => p.suppressed).length,
  },
];
