/**
 * Membrane's lists of values, read as Membrane reads them: `referenceRecords` (`[{id, name}]`) is an enum
 * of the ids, labelled by name in the description; `allowCustom` lifts an enum or a pick-list, so its
 * values become suggestions ("Known values: ...; others allowed").
 */
import { isPlainObject, type Schema, uniqueByJson, withSentence } from "./keywords.js";

const MAX_LISTED_RECORDS = 30;

export function convertPickList(node: Schema, out: Schema): void {
  convertReferenceRecords(node, out);
  if (node.allowCustom === true && Array.isArray(out.enum)) {
    const known = out.enum.filter((v) => v !== null).map((v) => JSON.stringify(v));
    out.description = withSentence(out.description, `Known values: ${known.join(", ")}; others allowed.`);
    delete out.enum;
  }
}

/** Membrane's pick-list: `[{id, name}]`, where `id` is the value and `name` its label. */
function convertReferenceRecords(node: Schema, out: Schema): void {
  if (!Array.isArray(node.referenceRecords)) return;
  const records = node.referenceRecords.filter(
    (r): r is Schema => isPlainObject(r) && (typeof r.id === "string" || typeof r.id === "number"),
  );
  if (records.length === 0) return;
  if (out.type === undefined) {
    if (records.every((r) => typeof r.id === "string")) out.type = "string";
    else if (records.every((r) => Number.isInteger(r.id))) out.type = "integer";
  }
  const nullable = Array.isArray(out.type) && out.type.includes("null");
  const baseType = Array.isArray(out.type) ? out.type[0] : out.type;
  const ids = uniqueByJson(records.map((r) => (baseType === "string" ? String(r.id) : r.id)));
  if (nullable) ids.push(null);
  const labels = records.slice(0, MAX_LISTED_RECORDS).map((r) => {
    const label = typeof r.name === "string" ? r.name.trim() : "";
    return label && label !== String(r.id) ? `${r.id} (${label})` : String(r.id);
  });
  const more = records.length > MAX_LISTED_RECORDS ? `, and ${records.length - MAX_LISTED_RECORDS} more` : "";
  if (node.allowCustom === true) {
    out.description = withSentence(
      out.description,
      `Known values: ${labels.join(", ")}${more}; others allowed.`,
    );
  } else {
    out.enum ??= ids;
    out.description = withSentence(out.description, `Options: ${labels.join(", ")}${more}.`);
  }
}
