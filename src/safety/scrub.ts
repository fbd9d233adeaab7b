/**
 * Removes anything that looks like a credential from text and JSON before it leaves the server (results,
 * error messages, log lines). The server never holds a secret itself, but an upstream response, a CLI error
 * or an agent's own input can carry one, and whatever we print lands in a model's context and its logs.
 *
 * Every pattern is linear: character classes that cannot overlap their neighbours, bounded key lengths, and
 * lookbehinds that stop a scan from restarting inside a run it already rejected. Ambiguous candidates
 * (a "Bearer" followed by a word, a long camelCase identifier) go through a small predicate instead of a
 * cleverer regex, so ordinary data (UUIDs, 24-hex ids, emails, dates, URLs, prose) is left alone.
 */

export const REDACTED = "[redacted]";

const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const PREFIXED =
  /(?<![A-Za-z0-9_-])(?:(?:pat|sk|rk|pk)[-_](?:live[-_]|test[-_])?|xox[a-z]-|gh[pousr]_|github_pat_|glpat-|npm_|AKIA)([A-Za-z0-9_-]{12,})/g;
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{8,})/gi;
const KEY = "(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9_.-]{0,63})";
/** "key": "value" in JSON text. */
const JSON_PAIR = new RegExp(String.raw`${KEY}("\s*:\s*")((?:[^"\\\n]|\\.)*)(")`, "g");
/** \"key\": \"value\" in JSON that was itself put in a JSON string (request bodies in logs). */
const ESCAPED_PAIR = new RegExp(String.raw`${KEY}(\\"\s*:\s*\\")([^"\\\n]*)(\\")`, "g");
/**
 * key=value (query strings, env) and key: value (headers, YAML), optionally quoted. Only keys that end in a
 * secret word match at all, so an ordinary "https:" never swallows the "?access_token=" that follows it.
 */
const SECRET_WORD =
  "token|secret|password|passwd|api[_-]?key|authorization|credentials?|private[_-]?key|session[_-]?id";
const SECRET_KEY_TEXT = `(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{0,48}?(?:${SECRET_WORD}))`;
const TEXT_PAIR = new RegExp(
  String.raw`${SECRET_KEY_TEXT}(\s*[=:]\s*)(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'\\&,;]+))`,
  "gi",
);
/** 32+ hex digits; redacted only with both a digit and a letter (40 "a"s or a long number is not a key). */
const HEX = /(?<![A-Za-z0-9])[0-9A-Fa-f]{32,}(?![A-Za-z0-9])/g;
const BASE64 = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{40,}={0,2}/g;

/** Keys whose value is a credential; matched on the key lower-cased with separators removed. */
const SECRET_KEY = /(?:token|secret|password|passwd|apikey|authorization|credentials?|privatekey|sessionid)$/;
/** Cursors are named like tokens but an agent needs them to page. */
const NOT_SECRET_KEY = /(?:pagetoken|cursor|nexttoken)$/;

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

function redactPair(match: string, key: string, separator: string, value: string, close: string): string {
  if (!isSecretKey(key) || value === "" || value === REDACTED) return match;
  return `${key}${separator}${REDACTED}${close}`;
}

/** Replaces every token-looking part of `text` with "[redacted]". Idempotent. */
export function scrubSecrets(text: string): string {
  if (text.length === 0) return text;
  return text
    .replace(JWT, REDACTED)
    .replace(PREFIXED, (match, tail: string) => (/\d/.test(tail) ? REDACTED : match))
    .replace(AUTH_SCHEME, (match, word: string, space: string, token: string) =>
      looksLikeToken(token) ? `${word}${space}${REDACTED}` : match,
    )
    .replace(JSON_PAIR, redactPair)
    .replace(ESCAPED_PAIR, redactPair)
    .replace(TEXT_PAIR, (match, key: string, sep: string, dq?: string, sq?: string, bare?: string) => {
      if (!isSecretKey(key)) return match;
      if (dq !== undefined) return dq === "" || dq === REDACTED ? match : `${key}${sep}"${REDACTED}"`;
      if (sq !== undefined) return sq === "" || sq === REDACTED ? match : `${key}${sep}'${REDACTED}'`;
      const value = bare ?? "";
      if (value === REDACTED || /^(?:Bearer|Basic)$/i.test(value)) return match;
      // After ":" the value may be prose ("invalid token: expired"); after "=" it is always a value.
      if (!sep.includes("=") && !looksLikeToken(value) && value.length < 16) return match;
      return `${key}${sep}${REDACTED}`;
    })
    .replace(HEX, (match) => (/\d/.test(match) && /[a-f]/i.test(match) ? REDACTED : match))
    .replace(BASE64, (match, offset: number, whole: string) =>
      isDataUriPayload(whole, offset) || !looksRandom(match.replace(/=+$/, "")) ? match : REDACTED,
    );
}

/** Inline images (`data:image/png;base64,...`) in email templates are content, not secrets: keep them whole. */
function isDataUriPayload(text: string, offset: number): boolean {
  return /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+=-]+)*;base64,$/i.test(
    text.slice(Math.max(0, offset - 120), offset),
  );
}

/** Scrubs every string in a JSON value, and replaces the value of any secret-named property. */
export function scrubValue<T>(value: T): T {
  return scrubAny(value) as T;
}

function scrubAny(value: unknown): unknown {
  if (typeof value === "string") return scrubSecrets(value);
  if (Array.isArray(value)) return value.map(scrubAny);
  if (typeof value !== "object" || value === null) return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const secret = isSecretKey(key) && (typeof item === "string" || typeof item === "number");
      return [scrubSecrets(key), secret && item !== "" ? REDACTED : scrubAny(item)];
    }),
  );
}
