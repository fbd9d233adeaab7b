/** Operations on segments and their membership, shared by actions and the simulated App API. */
import { notFound, unprocessable } from "../failure.js";
import type { JsonObject, Segment, Workspace } from "../state/types.js";
import { nowSeconds, requirePerson } from "./people.js";

export function requireSegment(workspace: Workspace, id: unknown): Segment {
  const numeric = Number(id);
  const segment = workspace.segments.find((s) => s.id === numeric);
  if (!segment) throw notFound(`segment ${String(id)}`);
  return segment;
}

/** The App API form of a segment: no member list, as in `GET /v1/segments`. */
export function segmentView(segment: Segment): JsonObject {
  return {
    id: segment.id,
    deduplicate_id: `${segment.id}:${segment.updated}`,
    name: segment.name,
    description: segment.description,
    state: segment.state,
    progress: null,
    type: segment.type,
    tags: segment.tags,
  };
}

export function createManualSegment(workspace: Workspace, name: unknown, description: unknown): Segment {
  if (typeof name !== "string" || name.trim() === "")
    throw unprocessable("name can't be blank", "/segment/name");
  if (workspace.segments.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
    throw unprocessable(`a segment named "${name}" already exists`, "/segment/name");
  }
  const now = nowSeconds();
  const segment: Segment = {
    id: workspace.counters.segment++,
    name,
    description: typeof description === "string" ? description : "",
    type: "manual",
    state: "finished",
    tags: [],
    conditions: null,
    member_ids: [],
    created: now,
    updated: now,
  };
  workspace.segments.push(segment);
  return segment;
}

export function deleteSegment(workspace: Workspace, id: unknown): void {
  const segment = requireSegment(workspace, id);
  workspace.segments = workspace.segments.filter((s) => s !== segment);
}

function requireManual(segment: Segment): void {
  if (segment.type !== "manual") {
    throw unprocessable(`segment ${segment.id} is data-driven; only manual segments accept people`);
  }
}

/** Adds people by id; returns how many were newly added. Unknown ids fail the whole call. */
export function addMembers(workspace: Workspace, id: unknown, personIds: string[]): number {
  const segment = requireSegment(workspace, id);
  requireManual(segment);
  const resolved = personIds.map((personId) => requirePerson(workspace, personId).id);
  const fresh = resolved.filter(
    (personId, index) => !segment.member_ids.includes(personId) && resolved.indexOf(personId) === index,
  );
  segment.member_ids.push(...fresh);
  segment.updated = nowSeconds();
  return fresh.length;
}

export function removeMembers(workspace: Workspace, id: unknown, personIds: string[]): number {
  const segment = requireSegment(workspace, id);
  requireManual(segment);
  const before = segment.member_ids.length;
  segment.member_ids = segment.member_ids.filter((personId) => !personIds.includes(personId));
  segment.updated = nowSeconds();
  return before - segment.member_ids.length;
}
