/** Issue #18, finding 4, on the CLI backend in memory: see consent/cache-attacks.ts. */
import { defineCacheAttacks } from "./consent/cache-attacks.js";

defineCacheAttacks();
