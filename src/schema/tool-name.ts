/**
 * Tool names for actions: `^[a-z0-9_]{1,40}$` (Claude and OpenAI allow 64 characters including the
 * client's own prefix, Cursor drops tools whose server plus tool name passes 60), taken from the action's
 * `key`, else `name`, else `id`. A name that is too long, or shared by several actions or with a reserved
 * (generic) tool, gets `_<6 hex of sha256(id)>` for every member, so the result depends only on the set
 * of actions, never on their order, and an action keeps its name when others come and go.
 */
import { createHash } from "node:crypto";

const MAX_LENGTH = 40;
const HASH_LENGTH = 6;

/** Lower-case `[a-z0-9_]` words of `text` ("getCustomer-ByID" -> "get_customer_by_id"), untruncated. */
function words(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function trimTo(text: string, length: number): string {
  return text.slice(0, length).replace(/_+$/, "");
}

/** The plain tool name for `text`: lower-case `[a-z0-9_]`, at most 40 characters, never empty. */
export function toolNameBase(text: string): string {
  return trimTo(words(text), MAX_LENGTH) || "action";
}

function hashOf(id: string, length: number): string {
  return createHash("sha256").update(id).digest("hex").slice(0, length);
}

function hashed(base: string, id: string, hashLength: number): string {
  const room = MAX_LENGTH - hashLength - 1;
  return `${trimTo(base, room) || "action"}_${hashOf(id, hashLength)}`;
}

function sourceText(action: { id: string; key?: string | null; name?: string | null }): string {
  for (const candidate of [action.key, action.name]) {
    if (typeof candidate === "string" && words(candidate) !== "") return candidate;
  }
  return action.id;
}

export function assignToolNames(
  actions: ReadonlyArray<{ id: string; key?: string | null; name?: string | null }>,
  reserved: ReadonlySet<string>,
): Map<string, string> {
  const bases = new Map<string, string>(); // id -> untruncated base
  for (const action of actions)
    if (!bases.has(action.id)) bases.set(action.id, words(sourceText(action)) || "action");
  const owners = new Map<string, number>();
  for (const base of bases.values()) owners.set(base, (owners.get(base) ?? 0) + 1);

  const names = new Map<string, string>();
  const taken = new Set<string>(reserved);
  const needHash: Array<[string, string]> = [];
  for (const [id, base] of bases) {
    if (base.length <= MAX_LENGTH && owners.get(base) === 1 && !reserved.has(base)) {
      names.set(id, base);
      taken.add(base);
    } else {
      needHash.push([id, base]);
    }
  }
  // Sorted so that the rare clash of a hashed name (a longer hash settles it) is decided the same way
  // whatever the input order.
  needHash.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, base] of needHash) {
    let length = HASH_LENGTH;
    let name = hashed(base, id, length);
    while (taken.has(name) && length < 32) {
      length += 2;
      name = hashed(base, id, length);
    }
    names.set(id, name);
    taken.add(name);
  }
  return names;
}
