/**
 * Issue #18's consent and read-only attacks in the 2026-07-28 era, in this process: a v2 client answering
 * `input_required` confirmations, served as the stdio bin serves (in memory), and over stateless HTTP (the
 * project's HTTP app on loopback), both over the recording fake CLI; in memory on the REST backend too. The default profile, since profiles
 * change schemas, not how the person is asked (consent-attack.test.ts runs every profile). A few of these
 * attacks also run against the built bins (test/e2e/consent-attack-bins.test.ts).
 */
import { startModernHttpInProcess } from "./consent/attack-http.js";
import { startModernInMemoryCli, startModernInMemoryOn } from "./consent/attack-server.js";
import { defineConsentAttacks } from "./consent/consent-attacks.js";

defineConsentAttacks("2026-07-28, in memory", startModernInMemoryCli, { profiles: ["default"] });
defineConsentAttacks("2026-07-28, in memory, api backend", startModernInMemoryOn("api"), {
  profiles: ["default"],
});
defineConsentAttacks("2026-07-28 over HTTP, in process", startModernHttpInProcess, { profiles: ["default"] });
