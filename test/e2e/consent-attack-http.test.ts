/**
 * Issue #18's consent and read-only attacks over stateless Streamable HTTP with a 2026-07-28 client that
 * answers `input_required` confirmations: the same bodies as in memory (test/integration/consent/).
 */
import { startModernHttp } from "../integration/consent/attack-server.js";
import { defineConsentAttacks } from "../integration/consent/consent-attacks.js";

defineConsentAttacks("2026-07-28 over HTTP", startModernHttp, ["default"]);
