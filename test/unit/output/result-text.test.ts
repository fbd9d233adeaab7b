/**
 * What the server adds to a result itself (notes, meta facts, error messages and their structuredContent)
 * is scrubbed and capped, while the data beside it is left exactly as it came.
 */
import { describe, expect, it } from "vitest";
import { CliError, UserInputError } from "../../../src/errors.js";
import { NOTE_MAX_CHARS } from "../../../src/output/cap.js";
import { describeError, errorToToolResult } from "../../../src/output/error-result.js";
import { toCallToolResult } from "../../../src/output/result.js";

const KEY = "sk_live_51HxYzAbCdEf1234567890";
const texts = (result: { content: Array<{ type: string; text?: string }> }) =>
  result.content.map((block) => block.text ?? "");

describe("toCallToolResult", () => {
  it("caps a 5 MB note under a 40,000-character cap, keeping the data whole", () => {
    const data = { items: [1, 2, 3] };
    const result = toCallToolResult({ data, note: `Search failed: ${"x".repeat(5_000_000)}` }, 40_000);
    const [text, note] = texts(result);
    expect(text).toBe('{"items":[1,2,3]}');
    expect(note?.length).toBeLessThanOrEqual(NOTE_MAX_CHARS);
    expect(note).toMatch(/^Search failed: x+ … \(cut: 5,000,015 characters in all\)$/);
    expect(result.structuredContent).toEqual(data);
  });

  it("scrubs the note and the meta facts, never the data", () => {
    const data = { api_key: KEY, template: "?token={{customer.unsub_token}}" };
    const result = toCallToolResult(
      { data, meta: { actionRunId: `run-${KEY}` }, note: `CLI said: Bearer ${KEY}` },
      40_000,
    );
    const [text, note] = texts(result);
    expect(text).toBe(JSON.stringify(data));
    expect(note).toBe("actionRunId: run-[redacted]\nCLI said: Bearer [redacted]");
    expect(result.structuredContent).toEqual({ output: data, actionRunId: "run-[redacted]" });
  });
});

describe("errorToToolResult", () => {
  it("scrubs the message and every field of structuredContent", () => {
    const error = new CliError("exit", `The Membrane CLI exited with code 1: ${KEY}`, {
      status: 401,
      actionRunId: `run-${KEY}`,
      hint: "Reconnect.",
    });
    const result = errorToToolResult(error);
    expect(JSON.stringify(result)).not.toContain("51HxYz");
    expect(result.structuredContent).toEqual({
      error:
        "The Membrane CLI exited with code 1: [redacted] (HTTP status 401) (action run run-[redacted])\nNext step: Reconnect.",
      kind: "exit",
      status: 401,
      actionRunId: "run-[redacted]",
    });
  });

  it("cuts a huge message and keeps the next step", () => {
    const text = describeError(new UserInputError(`Refused: ${"y".repeat(1_000_000)}`, "Send less."));
    expect(text.length).toBeLessThanOrEqual(NOTE_MAX_CHARS);
    expect(text.endsWith("\nNext step: Send less.")).toBe(true);
    expect(describeError(new Error(`boom ${KEY}`))).toMatch(
      /^Internal error in customerio-mcp: boom \[redacted\]/,
    );
  });
});
