/**
 * Actions on people (customers): list, get, search, create, update, delete. Quirks carried here: a root
 * `anyOf` (by id or by email), a formula default (`{"$var": "$.input.email"}`), a `$ref` to an app data
 * schema, `additionalProperties: false` and an output that is `null`.
 */
import type { JsonObject } from "../state/types.js";
import { pageOf } from "../workspace/paging.js";
import {
  createPerson,
  deletePerson,
  personAttributes,
  personSummary,
  requirePerson,
  searchPeople,
  updateAttributes,
} from "../workspace/people.js";
import { list, personOutput, record, str } from "./output-schemas.js";
import { type ActionSpec, count, objectInput, text } from "./types.js";

export const peopleActions: ActionSpec[] = [
  {
    key: "list-customers",
    name: "List Customers",
    description: "Retrieve a paginated list of people in your workspace with their main attributes.",
    type: "list-data-records",
    inputSchema: {
      type: "object",
      properties: {
        limit: { type: "integer", title: "Limit", minimum: 1, maximum: 100, default: 20 },
        cursor: { type: "string", title: "Cursor", description: "The `next` value from a previous page." },
      },
    },
    outputSchema: record({ customers: list(personOutput), next: str }),
    run: (input, ws) => {
      const page = pageOf(ws.people, count(input, "limit", 20), text(input, "cursor") || undefined);
      const result: JsonObject = { customers: page.items.map(personSummary) };
      if (page.next) result["next"] = page.next;
      return result;
    },
  },
  {
    key: "get-customer",
    name: "Get Customer",
    description: "Look up a single person by their ID or by their email address and return all attributes.",
    type: "find-data-record-by-id",
    inputSchema: {
      anyOf: [
        {
          type: "object",
          title: "By ID",
          properties: { id: { type: "string", title: "Customer ID" } },
          required: ["id"],
        },
        {
          type: "object",
          title: "By email",
          properties: { email: { type: "string", format: "email", title: "Email" } },
          required: ["email"],
        },
      ],
    },
    outputSchema: { $ref: "customer" },
    run: (input, ws) => personAttributes(ws, requirePerson(ws, text(input, "id") || text(input, "email"))),
  },
  {
    key: "search-customers",
    name: "Search Customers",
    description: "Search people by a free-text query matched against their email, name and other attributes.",
    type: "search-data-record",
    inputSchema: {
      type: "object",
      properties: {
        query: { type: "string", title: "Query", minLength: 1, maxLength: 200 },
        limit: { type: "integer", minimum: 1, maximum: 50, default: 10 },
      },
      required: ["query"],
    },
    outputSchema: record({ results: list(personOutput) }),
    run: (input, ws) => ({
      results: searchPeople(ws, text(input, "query"))
        .slice(0, count(input, "limit", 10))
        .map(personSummary),
    }),
  },
  {
    key: "create-customer",
    name: "Create Customer",
    description:
      "Add a new person to the workspace. If no ID is given, the email address is used as the person's ID.",
    type: "create-data-record",
    inputSchema: {
      type: "object",
      properties: {
        email: { type: "string", format: "email", title: "Email" },
        id: { type: "string", title: "Customer ID", default: { $var: "$.input.email" } },
        first_name: { type: "string", maxLength: 100 },
        plan: { type: "string", enum: ["free", "starter", "pro", "enterprise"], default: "free" },
        created_at: { type: "string", format: "date-time", description: "When the person signed up." },
        attributes: { type: "object", additionalProperties: true, description: "Any other attributes." },
      },
      required: ["email"],
      additionalProperties: false,
    },
    outputSchema: personOutput,
    run: (input, ws) => {
      const createdAt = text(input, "created_at");
      const attrs: JsonObject = { ...objectInput(input, "attributes"), plan: text(input, "plan", "free") };
      if (input["first_name"] !== undefined) attrs["first_name"] = text(input, "first_name");
      if (createdAt) attrs["created_at"] = Math.floor(Date.parse(createdAt) / 1000);
      const person = createPerson(ws, text(input, "id") || text(input, "email"), text(input, "email"), attrs);
      return personSummary(person);
    },
  },
  {
    key: "update-customer",
    name: "Update Customer",
    description: "Update a person's attributes. Only the fields you pass are changed.",
    type: "update-data-record",
    inputSchema: {
      type: "object",
      properties: {
        id: { type: "string", title: "Customer ID" },
        fields: { $ref: "customer", description: "The attributes to change." },
      },
      required: ["id", "fields"],
    },
    outputSchema: personOutput,
    run: (input, ws) => {
      const person = requirePerson(ws, text(input, "id"));
      updateAttributes(person, objectInput(input, "fields"));
      return personSummary(person);
    },
  },
  {
    key: "delete-customer",
    name: "Delete Customer",
    description: "Permanently delete a person and their history from the workspace. This cannot be undone.",
    type: "delete-data-record",
    inputSchema: {
      type: "object",
      properties: { id: { type: "string", title: "Customer ID", description: "ID or email of the person." } },
      required: ["id"],
    },
    outputSchema: { type: "null" },
    run: (input, ws) => {
      deletePerson(ws, text(input, "id"));
      return null;
    },
  },
];
