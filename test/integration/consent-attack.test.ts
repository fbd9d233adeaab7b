/**
 * Issue #18's consent and read-only attacks on both backends, in memory, over the recording fake CLI (the
 * REST backend reaches its REST front, which records each request as the command it stands for).
 */
import { BACKENDS } from "../helpers/harness.js";
import { startInMemoryOn } from "./consent/attack-server.js";
import { defineConsentAttacks } from "./consent/consent-attacks.js";

for (const backend of BACKENDS) defineConsentAttacks(`${backend}, in memory`, startInMemoryOn(backend));
