/**
 * Which stdout of a run that exited 0 is an error envelope: only the unambiguous shapes, so that real data
 * (an action's `output`, a listing's `items`, a body with more fields) is never mistaken for one.
 */
import { describe, expect, it } from "vitest";
import { errorInOutput } from "../../../../src/membrane/cli/output-error.js";

const text = (value: unknown) => JSON.stringify(value);

describe("errorInOutput", () => {
  it.each([
    [{ error: { message: "Customer not found", status: 404 } }, "Customer not found", 404],
    [{ error: "Connection is not ready" }, "Connection is not ready", undefined],
    [{ message: "Unprocessable", status: 422 }, "Unprocessable", 422],
    [{ message: "Server error", statusCode: 503, name: "HttpError" }, "Server error", 503],
    [
      {
        error: { message: "Bad input", data: { errors: [{ detail: "email is invalid" }] } },
        actionRunId: "r1",
      },
      "email is invalid",
      undefined,
    ],
  ])("reads %j as an error", (body, message, status) => {
    const error = errorInOutput(`${text(body)}\n`);
    expect(error?.kind).toBe("exit");
    expect(error?.message).toContain(message);
    expect(error?.status).toBe(status);
  });

  it.each([
    { output: { error: { message: "bounced" } } },
    { output: null, error: { message: "looks like one, but there is output" } },
    { items: [], error: "none found" },
    { error: { message: "bounced" }, email: "a@example.com" },
    { message: "sent", status: 200 },
    { message: "no status" },
    { error: null },
    { error: { code: 5 } },
    { error: "" },
  ])("leaves %j as data", (body) => {
    expect(errorInOutput(text(body))).toBeUndefined();
  });

  it.each(["", "plain text", "[1, 2]", '{"error": "cut', '{"a":1}\n{"error":"second line"}'])(
    "leaves %j as data",
    (stdout) => {
      expect(errorInOutput(stdout)).toBeUndefined();
    },
  );

  it("says when the CLI is not logged in", () => {
    expect(errorInOutput(text({ error: "Not logged in. Run membrane login --tenant" }))?.kind).toBe(
      "not-logged-in",
    );
  });
});
