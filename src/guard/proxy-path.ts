/**
 * The path rules of `proxy_request`. Membrane prefixes the connector's base URL to a relative path and passes
 * a full URL through as is, so the path is the one thing that decides which host our credentials reach.
 * The rules are an allow-list, not a deny-list: a plain RFC 3986 path of ASCII characters, no dot segments,
 * and percent-encoding only for characters that cannot change how the path is split or resolved.
 *
 * Decisions:
 * - Double encoding is refused: `%25` (an encoded "%") never passes, so `%252e` cannot turn into `%2e` and
 *   then into "." in a second decoder along the way.
 * - Encoded bytes must be valid UTF-8 (overlong forms such as `%C0%AE` are refused), and each decoded
 *   character is checked after Unicode NFKC folding, so a fullwidth dot (`%EF%BC%8E`) or a two-dot leader
 *   (`%E2%80%A5`) counts as a dot.
 * - Raw non-ASCII characters are refused (the agent can percent-encode them), so `\u2025` never arrives raw.
 * - `;` path parameters do not hide a dot segment: `..;` and `.;x` count as dot segments; nor do spaces:
 *   a segment that decodes to dots and whitespace (`..%20`, or `%C2%A0.%20;x` with parameters) is one.
 * - Encoded characters that split or re-aim a URL (`%3B` ;, `%3F` ?, `%23` #, `%40` @) are refused: a
 *   decoder along the way would turn `/..%3B/x` into a dot segment or `%3F` into a query.
 * - Invisible characters are refused even percent-encoded: zero-width, bidi controls, the BOM (Unicode
 *   category Cf), line and paragraph separators.
 */
import { UserInputError } from "../errors.js";

export const MAX_PATH_LENGTH = 2048;

const HINT =
  'Give a path relative to the Customer.io API, such as "/v1/customers/42/attributes", and put query parameters in `query`.';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** RFC 3986 path characters, without "@" (a userinfo look-alike); "%" only as the start of %XX. */
const PATH_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:/%]/;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
/** A segment made only of dots, optionally followed by `;` parameters (read as ".." by some servers). */
const DOT_SEGMENT = /^\.+(?:;|$)/;
/** Decoded characters a path may not carry: separators, dots, "%" (double encoding), ; ? # @, invisibles. */
const FORBIDDEN_DECODED = /[/\\.%;?#@\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

function refuse(rule: string, path: string): never {
  throw new UserInputError(`Refused: ${rule} (got ${show(path)})`, HINT);
}

/** The path as it can be shown safely in a message: quoted, escaped, and not too long. */
export function show(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}...` : text);
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Returns the path unchanged when it follows every rule; throws a UserInputError naming the first it breaks. */
export function checkProxyPath(path: unknown): string {
  if (typeof path !== "string") {
    throw new UserInputError(`Refused: the path must be a string (got ${typeof path})`, HINT);
  }
  if (path.length === 0) refuse('the path is empty; it must start with "/"', path);
  if (path.length > MAX_PATH_LENGTH) {
    refuse(`the path is ${path.length} characters long; the limit is ${MAX_PATH_LENGTH}`, path);
  }
  const control = CONTROL.exec(path);
  if (control) {
    refuse(
      `the path contains a control character (${codePoint(control[0])}) at position ${control.index}`,
      path,
    );
  }
  if (path.startsWith("-")) refuse('the path must not start with "-" (it would read as a CLI option)', path);
  if (!path.startsWith("/")) {
    refuse('the path must be relative to the Customer.io API and start with "/"', path);
  }
  if (path.startsWith("//")) refuse('the path must not start with "//" (that names another host)', path);
  if (path.includes("\\"))
    refuse('the path must not contain a backslash (some URL parsers read it as "/")', path);
  if (path.includes("?") || path.includes("#")) {
    refuse('the path must not contain "?" or "#"; pass query parameters in `query`', path);
  }
  if (path.includes("@")) refuse('the path must not contain "@" (it can make a URL name another host)', path);
  for (const char of path) {
    if (char.charCodeAt(0) > 0x7e) {
      refuse(`the path contains a non-ASCII character (${codePoint(char)}); percent-encode it`, path);
    }
    if (!PATH_CHAR.test(char))
      refuse(`the path contains ${JSON.stringify(char)}, which must be percent-encoded`, path);
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(path))
    refuse('the path has a "%" that is not followed by two hex digits', path);
  checkSegments(path);
  return path;
}

function checkSegments(path: string): void {
  const segments = path.split("/").slice(1);
  segments.forEach((segment, index) => {
    if (segment === "" && index < segments.length - 1) {
      refuse('the path has an empty segment ("//"); only a trailing "/" is allowed', path);
    }
    if (DOT_SEGMENT.test(segment)) refuse('the path has a "." or ".." segment', path);
    for (const run of segment.match(PERCENT_RUN) ?? []) checkEncoded(run, path);
    // Every run decoded cleanly above, so the whole segment does too. Spaces (any kind, after folding) and
    // `;` parameters together do not hide dots either: "%C2%A0.%20;;" reads as "." to a lenient server.
    const [beforeParameters = ""] = decodeURIComponent(segment).normalize("NFKC").split(";");
    if (/^\.+$/.test(beforeParameters.trim())) {
      refuse('the path has a "." or ".." segment (with spaces around the dots)', path);
    }
  });
}

function checkEncoded(run: string, path: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(run);
  } catch {
    refuse(`the path has percent-encoding that is not valid UTF-8 (${run})`, path);
  }
  for (const char of decoded) {
    if (FORBIDDEN_DECODED.test(char.normalize("NFKC"))) {
      refuse(
        `the path has percent-encoding (${run}) that decodes to ${JSON.stringify(char)}; encoded dots, slashes, backslashes, "%" (double encoding), ";", "?", "#", "@", control and invisible (zero-width, bidi, BOM) characters are not allowed`,
        path,
      );
    }
  }
}
