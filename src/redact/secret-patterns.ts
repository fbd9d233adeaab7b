/**
 * The patterns of credentials that the scrubber (scrub.ts) removes from the server's own text: error
 * messages, CLI stderr, notes, structuredContent of errors, _meta and log lines. They are kept apart from the
 * scrubbing logic so the list is easy to read and extend, and so nothing else is tempted to apply them to
 * the user's data (which is returned exactly as Membrane gave it).
 *
 * Every pattern is linear: bounded repetitions, character classes that cannot overlap their neighbours, and
 * lookbehinds that stop a scan from restarting inside a run it already rejected. A secretlint-style rule
 * package was considered; it is a linter framework with a dependency tree, for a dozen regexes.
 */

/** A PEM private key block (RSA, EC, OPENSSH, ENCRYPTED, PGP). Without its END line (a cut tail), to the end. */
export const PEM_PRIVATE_KEY =
  /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|[\s\S]*$)/g;

/** A JSON Web Token: three base64url parts, the first a JSON header (`{"` is `eyJ`). */
export const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

/**
 * Keys that announce themselves with a provider's prefix. Each entry is redacted whole. Stripe, Google,
 * Slack, GitHub, GitLab, npm, AWS, SendGrid and Mailgun keys have fixed prefixes; the generic
 * `sk-`/`pat-`/`rk_` family (OpenAI, HubSpot, Stripe restricted keys) is checked for a digit in its tail by
 * the caller, so words such as "sk-learn" or "pat-down" stay. The fixed prefixes are distinctive enough to
 * be found after "-" or "_" too ("run-sk_live_...").
 */
export const PROVIDER_KEYS: readonly RegExp[] = [
  /(?<![A-Za-z0-9])(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}/g,
  /(?<![A-Za-z0-9])whsec_[A-Za-z0-9+/=]{16,}/g,
  /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{20,}/g,
  /(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,}/g,
  /(?<![A-Za-z0-9])xapp-[A-Za-z0-9-]{10,}/g,
  /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{20,}/g,
  /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{20,}/g,
  /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{16,}/g,
  /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{30,}/g,
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g,
  /(?<![A-Za-z0-9])key-[0-9a-f]{32}(?![0-9a-f])/g,
];

/** The generic family: `sk-proj-...`, `pat-na1-<uuid>`, `rk-...`; redacted when the tail has a digit. */
export const PREFIXED_WITH_DIGIT =
  /(?<![A-Za-z0-9_-])(?:pat|sk|rk|pk)[-_](?:live[-_]|test[-_])?([A-Za-z0-9_-]{12,})/g;

/** `Bearer <value>`, `Basic <value>`, `Token <value>`: the value when it looks like a token (caller decides). */
export const AUTH_SCHEME = /\b(Bearer|Basic|Token)(\s+)([A-Za-z0-9._~+/=-]{8,})/gi;

/** The password of `scheme://user:password@host`; group 1 keeps the scheme, the user and the colon. */
export const URL_PASSWORD = /\b([a-z][a-z0-9+.-]{0,20}:\/\/[^\s/?#@:"'<>]{0,256}:)[^\s/?#@"'<>]{1,256}@/gi;

const KEY = "(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9_.-]{0,63})";
/** "key": "value" in JSON text. */
export const JSON_PAIR = new RegExp(String.raw`${KEY}("\s*:\s*")((?:[^"\\\n]|\\.)*)(")`, "g");
/** \"key\": \"value\" in JSON that was itself put in a JSON string (request bodies in logs). */
export const ESCAPED_PAIR = new RegExp(String.raw`${KEY}(\\"\s*:\s*\\")([^"\\\n]*)(\\")`, "g");

/**
 * key=value (query strings, env) and key: value (headers, YAML), optionally quoted. Only keys that end in a
 * secret word match at all, so an ordinary "https:" never swallows the "?access_token=" that follows it.
 */
const SECRET_WORD =
  "token|secret|password|passwd|api[_-]?key|authorization|credentials?|private[_-]?key|session[_-]?id";
export const TEXT_PAIR = new RegExp(
  String.raw`(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{0,48}?(?:${SECRET_WORD}))(\s*[=:]\s*)(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'\\&,;]+))`,
  "gi",
);

/** Long base64-alphabet runs; only those that look random (the caller decides) are redacted. */
export const BASE64_RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{40,}={0,2}/g;

/** Keys whose value is a credential; matched on the key lower-cased with separators removed. */
export const SECRET_KEY =
  /(?:token|secret|password|passwd|apikey|authorization|credentials?|privatekey|sessionid)$/;
/** Cursors are named like tokens but an agent needs them to page. */
export const NOT_SECRET_KEY = /(?:pagetoken|cursor|nexttoken)$/;

/** A Liquid template (`{{ customer.unsub_token }}`, `{% if %}`): a reference to a secret, never one. */
export const LIQUID = /^\s*\{[{%]/;
