/**
 * Operations on people, shared by actions and the simulated App API so both change the same records.
 */
import { notFound, unprocessable } from "../failure.js";
import type { Json, JsonObject, Person, Workspace } from "../state/types.js";

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A person by id, or by email when `idOrEmail` contains an `@`. */
export function findPerson(workspace: Workspace, idOrEmail: string): Person | undefined {
  const wanted = idOrEmail.toLowerCase();
  return workspace.people.find((p) => p.id === idOrEmail || p.email?.toLowerCase() === wanted);
}

export function requirePerson(workspace: Workspace, idOrEmail: string): Person {
  const person = findPerson(workspace, idOrEmail);
  if (!person) throw notFound(`customer ${idOrEmail}`);
  return person;
}

/** The short form Customer.io uses in lists: identifiers only. */
export function personIdentifiers(person: Person): JsonObject {
  return { id: person.id, email: person.email, cio_id: person.cio_id };
}

/** The summary form used by list and search actions. */
export function personSummary(person: Person): JsonObject {
  return {
    ...personIdentifiers(person),
    first_name: person.attributes["first_name"] ?? null,
    plan: person.attributes["plan"] ?? null,
    created_at: person.created_at,
    unsubscribed: person.unsubscribed,
    suppressed: person.suppressed,
  };
}

/** The `GET /v1/customers/{id}/attributes` shape. */
export function personAttributes(workspace: Workspace, person: Person): JsonObject {
  const segmentIds = workspace.segments.filter((s) => s.member_ids.includes(person.id)).map((s) => s.id);
  return {
    customer: {
      id: person.id,
      identifiers: personIdentifiers(person),
      attributes: { ...person.attributes, _segment_ids: segmentIds },
      timestamps: { created_at: person.created_at, updated_at: person.updated_at },
      unsubscribed: person.unsubscribed,
      devices: [],
    },
  };
}

export function createPerson(
  workspace: Workspace,
  id: string,
  email: string | null,
  attrs: JsonObject,
): Person {
  if (id.trim() === "") throw unprocessable("id can't be blank", "/id");
  if (findPerson(workspace, id) || (email && findPerson(workspace, email))) {
    throw unprocessable(`a customer with id or email ${email ?? id} already exists`);
  }
  const now = nowSeconds();
  const person: Person = {
    id,
    cio_id: `c10${now.toString(16)}${workspace.people.length.toString(16)}`,
    email,
    attributes: { ...attrs, id, email, created_at: (attrs["created_at"] as Json) ?? now },
    created_at: typeof attrs["created_at"] === "number" ? attrs["created_at"] : now,
    updated_at: now,
    unsubscribed: false,
    suppressed: false,
  };
  workspace.people.push(person);
  return person;
}

/** Merges attributes; a `null` value removes the attribute, as Customer.io does. */
export function updateAttributes(person: Person, attrs: JsonObject): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null) delete person.attributes[name];
    else person.attributes[name] = value;
    if (name === "email") person.email = typeof value === "string" ? value : null;
  }
  person.updated_at = nowSeconds();
}

export function deletePerson(workspace: Workspace, idOrEmail: string): void {
  const person = requirePerson(workspace, idOrEmail);
  workspace.people = workspace.people.filter((p) => p !== person);
  for (const segment of workspace.segments) {
    segment.member_ids = segment.member_ids.filter((id) => id !== person.id);
  }
}

/** A naive full-text match over identifiers and string attributes. */
export function searchPeople(workspace: Workspace, query: string): Person[] {
  const needle = query.toLowerCase();
  return workspace.people.filter((person) =>
    Object.values(person.attributes).some((value) => String(value).toLowerCase().includes(needle)),
  );
}
