/**
 * A few of issue #18's consent and read-only attacks against the built bins, with a 2026-07-28 client and
 * the recording fake CLI as a process: what only a process shows (the bin's wiring of flags, its stdio and
 * HTTP serving, the token it generates, the CLI it spawns). Every attack runs on both wires in this process
 * (test/integration/consent-attack-modern.test.ts). Each set has one attack that reaches the CLI, so a
 * record that never reached the file cannot pass for "nothing ran".
 */

import { defineConsentAttacks } from "../integration/consent/consent-attacks.js";
import { startModernHttp, startModernStdio } from "./consent-attack-bins-servers.js";

defineConsentAttacks("2026-07-28 over stdio", startModernStdio, {
  profiles: ["default"],
  only: ["vouching asks", "read-only fixed POST", "unknown effect, yes"],
});
defineConsentAttacks("2026-07-28 over HTTP", startModernHttp, {
  profiles: ["default"],
  only: ["vouching asks", "cannot ask, refused", "unknown effect, yes"],
});
