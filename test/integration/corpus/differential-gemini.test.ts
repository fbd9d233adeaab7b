/**
 * The corpus differential (differential.ts) in the gemini profile; each profile is its own file so vitest
 * runs them in parallel.
 */
import { differential } from "./differential.js";

differential("gemini");
