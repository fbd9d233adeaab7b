/**
 * Tool names for actions: `^[a-z0-9_]{1,40}$` (Claude and OpenAI allow 64 characters including the
 * client's own prefix, Cursor drops tools whose server plus tool name passes 60), taken from the action's
 * `key`, else `name`, else `id`. A name that is too long (shortened to whole words), or shared by several
 * actions or with a reserved (generic) tool, gets `_<6 hex of sha256(id)>` for every member, so the result depends only on the set
 * of actions, never on their order. Names once given are remembered (the catalog cache keeps them) and
 * kept while the action exists: a newcomer that collides with an incumbent takes the suffix, never the
 * incumbent.
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

/**
 * The longest run of whole words of `text` (words joined by `_`) within `length`: a name is shortened at a
 * word boundary, never in the middle of a word, nor after a joining word. Only a first word longer than
 * `length` is cut.
 */
function trimTo(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length + 1).lastIndexOf("_");
  if (cut <= 0) return text.slice(0, length);
  // A shortened name does not end on a joining word ("list_segment_members_with" -> "list_segment_members").
  return text.slice(0, cut).replace(/(?<=.)_(?:with|and|or|of|for|by|to|in|on|from|the|a|an)$/, "");
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

/** A tool name an action may carry: what `assignToolNames` produces. */
export const TOOL_NAME = /^[a-z0-9_]{1,40}$/;

type Nameable = { id: string; key?: string | null; name?: string | null };

/**
 * The remembered names that can still be kept: for actions in `actions`, well formed, not reserved, and
 * not claimed twice (a corrupt memory: the smaller id wins, so the result does not depend on order).
 */
function keptNames(
  actions: readonly Nameable[],
  reserved: ReadonlySet<string>,
  remembered: ReadonlyMap<string, string>,
): Map<string, string> {
  const present = new Set(actions.map((action) => action.id));
  const kept = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const id of [...remembered.keys()].sort()) {
    const name = remembered.get(id);
    if (!present.has(id) || name === undefined || !TOOL_NAME.test(name) || reserved.has(name)) continue;
    if (owner.has(name)) continue;
    owner.set(name, id);
    kept.set(id, name);
  }
  return kept;
}

/**
 * Tool names for `actions` (id -> name). `remembered` holds the names given before (the cache keeps
 * them): an action that still exists keeps its name, so a tool is never renamed while its action lives.
 * Only newcomers are named afresh, and a newcomer whose plain name is taken or shared takes the suffix.
 */
export function assignToolNames(
  actions: readonly Nameable[],
  reserved: ReadonlySet<string>,
  remembered: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const names = keptNames(actions, reserved, remembered);
  const taken = new Set<string>([...reserved, ...names.values()]);
  const bases = new Map<string, string>(); // id -> untruncated base, for every action
  for (const action of actions)
    if (!bases.has(action.id)) bases.set(action.id, words(sourceText(action)) || "action");
  const owners = new Map<string, number>();
  for (const base of bases.values()) owners.set(base, (owners.get(base) ?? 0) + 1);

  const needHash: Array<[string, string]> = [];
  for (const [id, base] of bases) {
    if (names.has(id)) continue;
    if (base.length <= MAX_LENGTH && owners.get(base) === 1 && !taken.has(base)) {
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
