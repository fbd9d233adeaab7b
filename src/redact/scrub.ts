/**
 * Removes credentials from the text the server writes itself, before it leaves: error messages (with the
 * CLI's stderr in them), notes, the structuredContent of errors, _meta, and every log line. A CLI error or
 * an upstream error body can carry a key, and whatever we print lands in a model's context and its logs.
 *
 * It is never applied to the user's data. Results, dry-run previews and read-backs are returned exactly as
 * Membrane gave them: a template holding `token={{customer.unsub_token}}`, a 32-hex segment id, a base64
 * cursor or a git SHA must survive a read and a write back. The precise patterns live in
 * secret-patterns.ts; the entropy check below (random-looking base64 runs) is for diagnostics alone.
 */
import {
  AUTH_SCHEME,
  BASE64_RUN,
  ESCAPED_PAIR,
  JSON_PAIR,
  JWT,
  LIQUID,
  NOT_SECRET_KEY,
  PEM_PRIVATE_KEY,
  PREFIXED_WITH_DIGIT,
  PROVIDER_KEYS,
  SECRET_KEY,
  TEXT_PAIR,
  URL_PASSWORD,
} from "./secret-patterns.js";

export const REDACTED = "[redacted]";

/** True when a property or parameter name says its value is a credential. */
export function isSecretKey(key: string): boolean {
  if (key.length > 64) return false;
  const normalized = key.toLowerCase().replace(/[-_\s]/g, "");
  return SECRET_KEY.test(normalized) && !NOT_SECRET_KEY.test(normalized);
}

/** Token-looking rather than a word: has a digit, or is long with both cases. */
function looksLikeToken(text: string): boolean {
  return /\d/.test(text) || (text.length >= 20 && /[a-z]/.test(text) && /[A-Z]/.test(text));
}

/**
 * A random-looking run: mixed case and digits, few separators, and most characters outside long same-class
 * runs. Words and identifiers are long runs of lower case ("getCustomerAttributes2024": 77% of it is in
 * runs of 4 or more); random base64 keys almost never pass 65% (measured over 10^5 keys).
 */
function looksRandom(run: string): boolean {
  if (!/[a-z]/.test(run) || !/[A-Z]/.test(run) || !/\d/.test(run)) return false;
  const letters = run.replace(/[/_+-]/g, "");
  if ((run.length - letters.length) * 5 > run.length) return false;
  let inLongRuns = 0;
  let length = 0;
  let previous = "";
  for (const char of letters) {
    const kind = char >= "a" && char <= "z" ? "l" : char >= "A" && char <= "Z" ? "u" : "d";
    if (kind === previous) {
      length++;
      continue;
    }
    if (length >= 4) inLongRuns += length;
    [length, previous] = [1, kind];
  }
  if (length >= 4) inLongRuns += length;
  return inLongRuns < letters.length * 0.7;
}

/** A value that is empty, already redacted, or a template reference stays as it is. */
const keepValue = (value: string): boolean => value === "" || value === REDACTED || LIQUID.test(value);

function redactPair(match: string, key: string, separator: string, value: string, close: string): string {
  if (!isSecretKey(key) || keepValue(value)) return match;
  return `${key}${separator}${REDACTED}${close}`;
}

function redactTextPair(match: string, key: string, sep: string, dq?: string, sq?: string, bare?: string) {
  if (!isSecretKey(key)) return match;
  if (dq !== undefined) return keepValue(dq) ? match : `${key}${sep}"${REDACTED}"`;
  if (sq !== undefined) return keepValue(sq) ? match : `${key}${sep}'${REDACTED}'`;
  const value = bare ?? "";
  if (keepValue(value) || /^(?:Bearer|Basic|Token)$/i.test(value)) return match;
  // After ":" the value may be prose ("invalid token: expired"); after "=" it is always a value.
  if (!sep.includes("=") && !looksLikeToken(value) && value.length < 16) return match;
  return `${key}${sep}${REDACTED}`;
}

/** Inline images (`data:image/png;base64,...`) quoted in a message are content, not secrets. */
function isDataUriPayload(text: string, offset: number): boolean {
  return /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+=-]+)*;base64,$/i.test(
    text.slice(Math.max(0, offset - 120), offset),
  );
}

/**
 * The one function every text the server writes itself goes through: replaces each credential in `text`
 * with "[redacted]". Idempotent. Never call it on a tool's data.
 */
export function scrubSecrets(text: string): string {
  if (text.length === 0) return text;
  let out = text.replace(PEM_PRIVATE_KEY, REDACTED).replace(JWT, REDACTED);
  for (const pattern of PROVIDER_KEYS) out = out.replace(pattern, REDACTED);
  return out
    .replace(PREFIXED_WITH_DIGIT, (match, tail: string) => (/\d/.test(tail) ? REDACTED : match))
    .replace(AUTH_SCHEME, (match, word: string, space: string, token: string) =>
      looksLikeToken(token) ? `${word}${space}${REDACTED}` : match,
    )
    .replace(URL_PASSWORD, (match, head: string) =>
      match.endsWith(`${REDACTED}@`) ? match : `${head}${REDACTED}@`,
    )
    .replace(JSON_PAIR, redactPair)
    .replace(ESCAPED_PAIR, redactPair)
    .replace(TEXT_PAIR, redactTextPair)
    .replace(BASE64_RUN, (match, offset: number, whole: string) =>
      isDataUriPayload(whole, offset) || !looksRandom(match.replace(/=+$/, "")) ? match : REDACTED,
    );
}

/**
 * scrubSecrets over every string of a JSON value the server builds itself (an error's structuredContent,
 * _meta, a log line's data), and "[redacted]" for the value of a secret-named property. Keys are scrubbed
 * too, but two keys are never merged into one: a clash keeps a numbered key.
 */
export function scrubValue<T>(value: T): T {
  return scrubAny(value) as T;
}

function scrubAny(value: unknown): unknown {
  if (typeof value === "string") return scrubSecrets(value);
  if (Array.isArray(value)) return value.map(scrubAny);
  if (typeof value !== "object" || value === null) return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const entries: Array<[string, unknown]> = [];
  const seen = new Set<string>();
  for (const [key, item] of Object.entries(value)) {
    const base = scrubSecrets(key);
    let safeKey = base;
    for (let n = 2; seen.has(safeKey); n++) safeKey = `${base}#${n}`;
    seen.add(safeKey);
    const secret =
      isSecretKey(key) && (typeof item === "number" || (typeof item === "string" && !keepValue(item)));
    entries.push([safeKey, secret ? REDACTED : scrubAny(item)]);
  }
  return Object.fromEntries(entries);
}
