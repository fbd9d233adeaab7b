/**
 * Issue #18's consent and read-only attacks in the 2026-07-28 era: the built server over stdio, a v2 client
 * answering `input_required` confirmations, the recording fake CLI. The same bodies as the in-memory
 * 2025-11-25 run (test/integration/consent-attack.test.ts); the default profile here, since profiles change
 * schemas, not how the person is asked (the in-memory run covers every profile).
 */
import { startModernStdio } from "../integration/consent/attack-server.js";
import { defineConsentAttacks } from "../integration/consent/consent-attacks.js";

defineConsentAttacks("2026-07-28 over stdio", startModernStdio, ["default"]);
