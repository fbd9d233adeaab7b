/**
 * The types the schema layer speaks in, kept here so schema/ imports nothing above it: the client profiles
 * a schema can be shaped for, and an object-rooted JSON Schema as MCP requires for a tool's input. config
 * and tools re-use them from here.
 */

export const SCHEMA_PROFILES = ["default", "gemini", "openai-strict"] as const;
export type SchemaProfile = (typeof SCHEMA_PROFILES)[number];

/** A JSON Schema whose root is an object, as MCP requires for a tool's input. */
export interface ObjectJsonSchema {
  type: "object";
  properties: Record<string, unknown>;
  required?: string[];
  [keyword: string]: unknown;
}
