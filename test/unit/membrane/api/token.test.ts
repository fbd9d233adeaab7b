/**
 * The REST backend's token: what `membrane token` may print (a bare JWT or JSON holding one; anything else
 * refused without echoing it), an admin token refused, a minted one refreshed a minute before its `exp`
 * (one mint at a time) and renewed after a refusal; a given one (MEMBRANE_TOKEN) never.
 */
import { describe, expect, it } from "vitest";
import { readClaims, tokenFromOutput } from "../../../../src/membrane/api/jwt.js";
import { GivenToken, MintedToken } from "../../../../src/membrane/api/token.js";
import { mintSandboxToken, newSecret } from "../../../../src/sandbox/rest/token.js";
import { fakeClock } from "../../../helpers/clocks.js";

const secret = newSecret();

describe("what `membrane token` prints", () => {
  const jwt = mintSandboxToken(secret);
  it.each([
    ["a bare JWT", `${jwt}\n`],
    ["JSON with token", JSON.stringify({ token: jwt })],
    ["JSON with accessToken", JSON.stringify({ accessToken: jwt, expiresIn: 3600 })],
  ])("accepts %s", (_, output) => {
    expect(tokenFromOutput(output)).toBe(jwt);
  });

  it.each([
    ["text", "Not logged in"],
    ["JSON without a token", '{"user":"x"}'],
    ["a token that is not a JWT", '{"token":"abc.def"}'],
    ["a JWT whose payload is not JSON", "abc.bm90IGpzb24.sig"],
  ])("refuses %s", (_, output) => {
    expect(tokenFromOutput(output)).toBeUndefined();
  });

  it("reads exp and isAdmin", () => {
    expect(readClaims(mintSandboxToken(secret, { now: 1_000_000, ttlSeconds: 60 }))).toEqual({
      exp: 1060,
      isAdmin: false,
    });
    expect(readClaims(mintSandboxToken(secret, { isAdmin: true }))?.isAdmin).toBe(true);
  });
});

describe("a minted token", () => {
  it("refuses output that holds no token, without repeating the output", async () => {
    const tokens = new MintedToken(async () => "secret-looking-output-123", "test");
    const error = await tokens.get().catch((caught: Error) => caught);
    expect(String(error)).toMatch(/is not a JWT/);
    expect(String(error)).not.toContain("secret-looking-output-123");
  });

  it("is refused when it is a workspace-admin token", async () => {
    const tokens = new MintedToken(async () => mintSandboxToken(secret, { isAdmin: true }), "test");
    await expect(tokens.get()).rejects.toThrow(/workspace-admin token/);
  });

  it("is reused until a minute before exp, then minted again, once for concurrent callers", async () => {
    const clock = fakeClock({ start: 1_700_000_000_000 });
    let mints = 0;
    const tokens = new MintedToken(
      async () => {
        mints++;
        return mintSandboxToken(secret, { now: clock.now(), ttlSeconds: 300 });
      },
      "test",
      clock,
    );
    const [a, b, c] = await Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    expect(mints).toBe(1);
    expect(new Set([a, b, c]).size).toBe(1);
    await clock.advance(239_000); // 61 s before exp
    expect(await tokens.get()).toBe(a);
    expect(mints).toBe(1);
    await clock.advance(2_000); // 59 s before exp
    const [d, e] = await Promise.all([tokens.get(), tokens.get()]);
    expect(mints).toBe(2);
    expect(d).toBe(e);
    expect(tokens.facts().tokenExpiresAt).toBe(
      new Date((Math.floor(clock.now() / 1000) + 300) * 1000).toISOString(),
    );
  });

  it("is renewed after a refusal, once even when several calls were refused with it", async () => {
    let mints = 0;
    const tokens = new MintedToken(
      async () => mintSandboxToken(secret, { now: Date.now() + mints++ * 1000 }),
      "t",
    );
    const first = await tokens.get();
    expect(await Promise.all([tokens.renew(first), tokens.renew(first)])).toEqual([true, true]);
    expect(mints).toBe(2);
    expect(await tokens.get()).not.toBe(first);
  });
});

describe("a given token (MEMBRANE_TOKEN)", () => {
  it("is used as given, never renewed, and says so", async () => {
    const jwt = mintSandboxToken(secret);
    const tokens = new GivenToken(` ${jwt}\n`);
    expect(await tokens.get()).toBe(jwt);
    expect(await tokens.renew()).toBe(false);
    expect(tokens.facts().tokenSource).toMatch(/MEMBRANE_TOKEN.*not refreshed/);
  });

  it("is refused when it is not a JWT, without repeating it", async () => {
    const tokens = new GivenToken("pat-1234-not-a-jwt");
    const error = await tokens.get().catch((caught: Error) => caught);
    expect(String(error)).toMatch(/MEMBRANE_TOKEN is not a JWT/);
    expect(String(error)).not.toContain("pat-1234");
  });
});
