/**
 * The scrubber (for the server's own text: errors, stderr, notes, logs) removes credentials by precise
 * patterns and leaves ordinary Customer.io data alone, ids, hashes and templates included. Tables for both
 * sides, properties for idempotence and for secrets hidden in random text, and timings on 1 MB inputs
 * shaped to trip a backtracking regex.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSecretKey, REDACTED, scrubSecrets, scrubValue } from "../../../src/redact/scrub.js";

const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

describe("scrubSecrets removes", () => {
  it.each([
    [`token ${JWT} end`, `token ${REDACTED} end`],
    ["Authorization: Bearer abc123def456ghi789", `Authorization: Bearer ${REDACTED}`],
    ["authorization: bearer AbCdEfGhIjKlMnOpQrStUv", `authorization: bearer ${REDACTED}`],
    ["Basic dXNlcjpwYXNzd29yZA==", `Basic ${REDACTED}`],
    ["key pat-na1-11111111-2222-3333-4444-555555555555.", `key ${REDACTED}.`],
    ["sk-proj-abc123DEF456ghi789JKL", REDACTED],
    ["sk_live_51HxYzAbCdEf123456", REDACTED],
    ["xoxb-123456789012-abcdefABCDEF", REDACTED],
    ["ghp_ABCdef1234567890abcdefABCDEF123456", REDACTED],
    ["id AKIAIOSFODNN7EXAMPLE", `id ${REDACTED}`],
    ['{"api_key": "abc"}', `{"api_key": "${REDACTED}"}`],
    ['{"accessToken":"x y z","id":1}', `{"accessToken":"${REDACTED}","id":1}`],
    ['{"client_secret": "a\\"b"}', `{"client_secret": "${REDACTED}"}`],
    ['body: "{\\"password\\": \\"hunter2\\"}"', `body: "{\\"password\\": \\"${REDACTED}\\"}"`],
    ["password=hunter2&user=bob", `password=${REDACTED}&user=bob`],
    [
      "https://x.example/cb?access_token=abc&state=1",
      `https://x.example/cb?access_token=${REDACTED}&state=1`,
    ],
    ['refresh_token: "two words"', `refresh_token: "${REDACTED}"`],
    ["X-Api-Key: 0a1b2c3d4e5f", `X-Api-Key: ${REDACTED}`],
    ["CUSTOMERIO_API_KEY=abcdef", `CUSTOMERIO_API_KEY=${REDACTED}`],
    ["rk_live_51HxYzAbCdEfGh", REDACTED],
    ["key=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q (google)", `key=${REDACTED} (google)`],
    ["AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", REDACTED],
    ["x whsec_abcdefABCDEF123456", `x ${REDACTED}`],
    ["glpat-abcdefABCDEF12345678 npm_abcdefABCDEF1234567890abcdefABCDEF12", `${REDACTED} ${REDACTED}`],
    ["SG.abcdefABCDEF123456.abcdefABCDEF1234567890", REDACTED],
    ["Authorization: Token abc123def456", `Authorization: Token ${REDACTED}`],
    ["fetch https://bob:hunter2@example.com/x failed", `fetch https://bob:${REDACTED}@example.com/x failed`],
    ["postgres://app:p%40ss:w0rd@db.internal:5432/x", `postgres://app:${REDACTED}@db.internal:5432/x`],
    [
      "key: -----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY----- done",
      `key: ${REDACTED} done`,
    ],
    [
      '{"pem":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN\\n-----END PRIVATE KEY-----\\n"}',
      `{"pem":"${REDACTED}\\n"}`,
    ],
    ["tail: -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA (cut)", `tail: ${REDACTED}`],
    ["key=q8Zr/Kd3vB+1xTn0Lw7eYp2Gm9HsRa4Uc6Jf5Ni/Wk", `key=${REDACTED}`],
    ["img iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk", `img ${REDACTED}`],
    ["x Zm9vYmFyQmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1u end", `x ${REDACTED} end`],
  ])("%j", (input, expected) => {
    expect(scrubSecrets(input)).toBe(expected);
  });
});

describe("scrubSecrets keeps", () => {
  it.each([
    "123e4567-e89b-12d3-a456-426614174000",
    "65a1b2c3d4e5f60718293a4b",
    "bob.smith+test@example.com",
    "https://fly.customer.io/workspaces/12345/journeys/campaigns/67/overview",
    "https://api.customer.io/v1/customers?limit=10&start=abc",
    "2024-01-15T10:30:00.000Z",
    "Basic information about the customer",
    "Bearer of bad news arrived",
    "Error: invalid token: expired",
    '{"token_type": "bearer", "expires_in": 3600}',
    '{"next_page_token": "abc123", "cursor": "MTIzNDU2"}',
    '{"password_updated_at": "2024-01-01", "has_password": true}',
    "task-force sk-learn npm_config_registry pat-down",
    "customer_attribute_first_name_2024 getCustomerAttributesForWorkspaceVersion2024",
    "Customer.io sent 10,000 emails on 2024-03-01; open rate 41.5%.",
    "cio_03000001 email:bob@example.com id=42",
    "a".repeat(100),
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "",
    "segment 0123456789abcdef0123456789abcdef not found",
    "commit da39a3ee5e6b4b0d3255bfef95601890afd80709",
    "device 740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad",
    "https://example.com/unsub?token={{customer.unsub_token}}&api_key={{site.key}}",
    "password: {{ customer.password_reset_token }}",
    '{"token": "{% if x %}a{% endif %}", "api_key": "{{site.key}}"}',
    "https://e.customeriomail.com/e/c/eyJlbWFpbF9pZCI6IkFBIn0=/abc",
    "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----",
    "mailto:bob@example.com https://example.com:8080/a@b",
  ])("%j", (input) => {
    expect(scrubSecrets(input)).toBe(input);
  });
});

describe("scrubValue", () => {
  it("scrubs every string and the values of secret-named properties, deeply", () => {
    const input = {
      id: "65a1b2c3d4e5f60718293a4b",
      apiKey: "short",
      nested: [{ password: 1234, note: `Bearer ${JWT}` }, { session_id: "" }],
      settings: { token_count: 3, authorization: { type: "x" }, enabled: true, nothing: null },
    };
    expect(scrubValue(input)).toEqual({
      id: "65a1b2c3d4e5f60718293a4b",
      apiKey: REDACTED,
      nested: [{ password: REDACTED, note: `Bearer ${REDACTED}` }, { session_id: "" }],
      settings: { token_count: 3, authorization: { type: "x" }, enabled: true, nothing: null },
    });
    expect(input.apiKey).toBe("short");
  });

  it("never merges two keys into one, and keeps a template under a secret-named key", () => {
    const value = scrubValue({
      sk_live_51HxYzAbCdEf123456: 1,
      sk_live_51HxYzAbCdEf654321: 2,
      token: "{{customer.unsub_token}}",
    });
    expect(Object.values(value)).toEqual([1, 2, "{{customer.unsub_token}}"]);
    expect(JSON.stringify(value)).not.toContain("sk_live_51");
  });

  it("keeps a __proto__ key as data", () => {
    const value = scrubValue(JSON.parse('{"__proto__": {"x": 1}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
  });

  it.each([
    ["api_key", true],
    ["X-Api-Key", true],
    ["clientSecret", true],
    ["refresh_token", true],
    ["Authorization", true],
    ["nextPageToken", false],
    ["token_type", false],
    ["email", false],
  ])("isSecretKey(%j) is %s", (key, expected) => {
    expect(isSecretKey(key)).toBe(expected);
  });
});

describe("scrubSecrets (properties)", () => {
  const b64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("");
  const part = (min: number) => fc.array(fc.constantFrom(...b64url), { minLength: min, maxLength: 60 });
  const jwt = fc
    .tuple(part(10), part(10), part(10))
    .map(([a, b, c]) => `eyJ${a.join("")}.${b.join("")}.${c.join("")}`);
  const alnum = (min: number) =>
    fc
      .array(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), {
        minLength: min,
        maxLength: min + 20,
      })
      .map((chars) => chars.join(""));
  const provider = fc
    .tuple(
      fc.constantFrom("sk_live_", "rk_live_", "AIza", "xoxb-", "ghp_", "github_pat_", "glpat-"),
      alnum(36),
    )
    .map(([prefix, tail]) => `${prefix}${tail}`);
  const aws = fc
    .array(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), { minLength: 16, maxLength: 16 })
    .map((chars) => `AKIA${chars.join("")}`);
  const base64 = fc
    .uint8Array({ minLength: 30, maxLength: 48 })
    .map((bytes) => Buffer.from(bytes).toString("base64"))
    .filter((s) => /[a-z]/.test(s) && /[A-Z]/.test(s) && /\d/.test(s));
  // Real keys are random: without bias, not runs of "A" that base64 of zero bytes would give.
  const secret = fc.noBias(fc.oneof(jwt, base64, provider, aws));
  const delimiter = fc.constantFrom(" ", "\n", '"', "'", ",", ";", "(", ")", "<", ">", "|", "\t", ": ", "=");

  it("removes a generated JWT or provider key embedded anywhere in random text", () => {
    const precise = fc.noBias(fc.oneof(jwt, provider, aws));
    fc.assert(
      fc.property(fc.string(), delimiter, precise, delimiter, fc.string(), (before, d1, key, d2, after) => {
        expect(scrubSecrets(`${before}${d1}${key}${d2}${after}`)).not.toContain(key);
      }),
      { numRuns: 2000 },
    );
  });

  // Random base64 keys are caught by an entropy heuristic (diagnostics only), which is right almost always,
  // not always: a rare key with long same-class runs passes. So this one is a rate, not a property.
  it("removes at least 99% of random base64 keys embedded in random text", () => {
    const samples = fc.sample(fc.noBias(fc.tuple(fc.string(), delimiter, base64, delimiter, fc.string())), {
      numRuns: 2000,
    });
    const missed = samples.filter(([before, d1, key, d2, after]) =>
      scrubSecrets(`${before}${d1}${key}${d2}${after}`).includes(key),
    );
    expect(missed.length / samples.length).toBeLessThanOrEqual(0.01);
  });

  it("is idempotent", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.tuple(fc.string(), secret, fc.string()).map((parts) => parts.join(" ")),
      fc.jsonValue().map((v) => JSON.stringify(v, null, 2)),
    );
    fc.assert(
      fc.property(text, (s) => {
        const once = scrubSecrets(s);
        expect(scrubSecrets(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves text without secrets unchanged (so never longer)", () => {
    const ordinary = fc.oneof(
      fc.uuid(),
      fc.emailAddress(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.stringMatching(/^[0-9a-f]{24}$/),
      fc.stringMatching(/^[0-9a-f]{32,64}$/),
      fc.stringMatching(/^\{\{ ?[a-z_.]{1,30} ?\}\}$/),
      fc.integer().map(String),
      fc.constantFrom(
        "customer",
        "Campaign",
        "sent",
        "open rate",
        "segment 12",
        "https://customer.io/docs/api/",
      ),
    );
    fc.assert(
      fc.property(fc.array(ordinary), fc.constantFrom(" ", ", ", "\n"), (words, glue) => {
        const s = words.join(glue);
        expect(scrubSecrets(s)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("scrubSecrets speed", () => {
  it.each([
    ["ordinary text", "Customer bob@example.com opened campaign 42 on 2024-01-01. ".repeat(17_000)],
    ["one long run", "a".repeat(1_000_000)],
    ["one long hex run then a letter", `${"f".repeat(999_999)}g`],
    ["repeated eyJ", "eyJ.".repeat(250_000)],
    ["unterminated JSON values", '"password": "x'.repeat(70_000)],
    ["repeated key=", "token=".repeat(160_000)],
    ["many secrets", `${JWT} password=abc123 `.repeat(7_000)],
    ["PEM headers without an end", "-----BEGIN PRIVATE KEY-----\n".repeat(35_000)],
    ["URLs with userinfo but no host", "https://a:b".repeat(90_000)],
    ["provider prefixes", "sk_live_ AIza xoxb- ghp_ ".repeat(40_000)],
  ])("handles 1 MB of %s quickly", (_name, input) => {
    const start = performance.now();
    scrubSecrets(input);
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

describe("inline images", () => {
  it("keeps the base64 payload of a data: URI whole, so a template read and written back loses nothing", () => {
    const payload =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    const html = `<img src="data:image/png;base64,${payload}" alt="logo">`;
    expect(scrubSecrets(html)).toBe(html);
    expect(scrubSecrets(`key: ${payload.slice(0, 60)}Zx9`)).toContain("[redacted]");
    expect(scrubSecrets(`stderr: ${payload.slice(0, 60)}Zx9`)).toContain("[redacted]");
  });
});
