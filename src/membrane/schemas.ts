/** Moved to contract/records.ts; kept so imports on branches merged later still resolve. */
export * from "./contract/records.js";
