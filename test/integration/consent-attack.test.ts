/**
 * Issue #18's consent and read-only attacks on the CLI backend, in memory, over the recording fake CLI.
 * The bodies (consent/consent-attacks.ts) take the server to attack, so other backends run them too.
 */
import { startInMemoryCli } from "./consent/attack-server.js";
import { defineConsentAttacks } from "./consent/consent-attacks.js";

defineConsentAttacks("cli, in memory", startInMemoryCli);
