/**
 * Actions on segments. Quirks carried here: an action with no `inputSchema` at all, a pick-list
 * (`referenceRecords`), a `referenceCollection`, an array without `items` and a key over 40 characters.
 */
import type { JsonObject } from "../state/types.js";
import { pageOf } from "../workspace/paging.js";
import { personAttributes, personIdentifiers, requirePerson } from "../workspace/people.js";
import {
  addMembers,
  createManualSegment,
  removeMembers,
  requireSegment,
  segmentView,
} from "../workspace/segments.js";
import {
  countOf,
  membershipPage,
  oneSegment,
  record,
  segmentList,
  segmentMembers,
} from "./output-schemas.js";
import { segmentRecords } from "./reference-records.js";
import { type ActionSpec, count, stringList, text } from "./types.js";

const segmentIdInput = (): JsonObject => ({
  type: "string",
  title: "Segment",
  description: "The segment's numeric ID.",
  referenceRecords: segmentRecords(),
});

export const segmentActions: ActionSpec[] = [
  {
    key: "list-segments",
    name: "List Segments",
    description: "List all segments in the workspace, both data-driven and manual.",
    type: "list-data-records",
    outputSchema: segmentList,
    run: (_input, ws) => ({ segments: ws.segments.map(segmentView) }),
  },
  {
    key: "get-segment",
    name: "Get Segment",
    description: "Get a segment's details: name, description, type, state and tags.",
    type: "find-data-record-by-id",
    inputSchema: { type: "object", properties: { segmentId: segmentIdInput() }, required: ["segmentId"] },
    outputSchema: oneSegment,
    run: (input, ws) => ({ segment: segmentView(requireSegment(ws, text(input, "segmentId"))) }),
  },
  {
    key: "create-manual-segment",
    name: "Create Manual Segment",
    description: "Create an empty manual segment. Add people to it with Add People to Segment.",
    type: "create-data-record",
    inputSchema: {
      type: "object",
      properties: {
        name: { type: "string", minLength: 1, maxLength: 100 },
        description: { type: "string", maxLength: 500 },
      },
      required: ["name"],
    },
    outputSchema: oneSegment,
    run: (input, ws) => ({
      segment: segmentView(createManualSegment(ws, text(input, "name"), text(input, "description"))),
    }),
  },
  {
    key: "add-people-to-segment",
    name: "Add People to Segment",
    description: "Add people, by ID, to a manual segment. Data-driven segments cannot be changed this way.",
    type: "connector-operation",
    inputSchema: {
      type: "object",
      properties: {
        segmentId: {
          type: "string",
          title: "Segment",
          referenceCollection: { key: "segments", parameters: { type: "manual" } },
        },
        ids: { type: "array", title: "Customer IDs", description: "IDs of the people to add." },
      },
      required: ["segmentId", "ids"],
    },
    outputSchema: record({ added: countOf }),
    run: (input, ws) => ({ added: addMembers(ws, text(input, "segmentId"), stringList(input, "ids")) }),
  },
  {
    key: "remove-people-from-segment",
    name: "Remove People from Segment",
    description: "Remove people, by ID, from a manual segment.",
    type: "connector-operation",
    inputSchema: {
      type: "object",
      properties: {
        segmentId: segmentIdInput(),
        ids: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 1000 },
      },
      required: ["segmentId", "ids"],
    },
    outputSchema: record({ removed: countOf }),
    run: (input, ws) => ({ removed: removeMembers(ws, text(input, "segmentId"), stringList(input, "ids")) }),
  },
  {
    key: "get-segment-membership",
    name: "Get Segment Membership",
    description: "List the people in a segment, a page at a time.",
    type: "list-data-records",
    inputSchema: {
      type: "object",
      properties: {
        segmentId: segmentIdInput(),
        limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
        start: { type: "string", description: "The `next` value from the previous page." },
      },
      required: ["segmentId"],
    },
    outputSchema: membershipPage,
    run: (input, ws) => {
      const segment = requireSegment(ws, text(input, "segmentId"));
      const people = segment.member_ids.map((id) => requirePerson(ws, id));
      const page = pageOf(people, count(input, "limit", 100), text(input, "start") || undefined);
      const result: JsonObject = {
        identifiers: page.items.map(personIdentifiers),
        ids: page.items.map((p) => p.id),
      };
      if (page.next) result["next"] = page.next;
      return result;
    },
  },
  {
    key: "get-segment-customer-count",
    name: "Get Segment Customer Count",
    description: "Return the number of people currently in a segment.",
    type: "connector-operation",
    inputSchema: { type: "object", properties: { segmentId: segmentIdInput() }, required: ["segmentId"] },
    outputSchema: countOf,
    run: (input, ws) => requireSegment(ws, text(input, "segmentId")).member_ids.length,
  },
  {
    key: "list-segment-members-with-customer-attributes-and-devices",
    name: "List Segment Members with Customer Attributes and Devices",
    description: "List the people in a segment along with all their attributes and registered devices.",
    type: "list-data-records",
    inputSchema: { type: "object", properties: { segmentId: segmentIdInput() }, required: ["segmentId"] },
    outputSchema: segmentMembers,
    run: (input, ws) => {
      const segment = requireSegment(ws, text(input, "segmentId"));
      return {
        customers: segment.member_ids.map((id) => personAttributes(ws, requirePerson(ws, id))["customer"]),
      };
    },
  },
];
