// `action run`: by key or id, outputs of every JSON kind, 422 on bad input, defaults, failures with actionRunId.
import { beforeEach, describe, expect, it } from "vitest";
import { CONNECTION, freshStateDir, listAllActions, runAction, sandbox } from "./helpers.js";

let stateDir: string;
beforeEach(async () => {
  stateDir = await freshStateDir();
});

describe("action run", () => {
  it("runs by key and by id, with the positional before or after flags", async () => {
    const byKey = await runAction(stateDir, "list-customers", { limit: 5 });
    expect(byKey.exitCode).toBe(0);
    const result = byKey.json();
    expect(result.actionRunId).toMatch(/^run_/);
    expect(result.output.customers).toHaveLength(5);
    expect(typeof result.output.next).toBe("string");
    const { items } = await listAllActions(stateDir, ["--limit=20"]);
    const id = items.find((a) => a.key === "list-segments").id;
    const byId = await sandbox(stateDir, ["action", "run", `--connectionId=${CONNECTION}`, "--json", id]);
    expect(byId.json().output.segments.length).toBeGreaterThanOrEqual(6);
  });

  it("returns outputs of every JSON kind", async () => {
    expect((await runAction(stateDir, "count-suppressed-customers")).json().output).toBe(0);
    expect((await runAction(stateDir, "get-workspace-region")).json().output).toBe("us");
    expect((await runAction(stateDir, "delete-customer", { id: "cust_1012" })).json().output).toBeNull();
    const html = (await runAction(stateDir, "get-newsletter-content", { newsletterId: 201 })).json().output
      .body;
    expect(html.length).toBeGreaterThan(28_000);
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  it("identifies a person by id or by email (root anyOf)", async () => {
    const byId = (await runAction(stateDir, "get-customer", { id: "cust_1003" })).json().output;
    const byEmail = (await runAction(stateDir, "get-customer", { email: "mia.schneider@example.com" })).json()
      .output;
    expect(byEmail).toEqual(byId);
    expect(byId.customer.attributes.first_name).toBe("Mia");
  });

  it("fails with 422 and the actionRunId on missing or mistyped input", async () => {
    const missing = await runAction(stateDir, "create-manual-segment", {});
    expect(missing.exitCode).toBe(1);
    const error = missing.error();
    expect(error.status).toBe(422);
    expect(error.message).toContain("/name is required");
    expect(error.actionRunId).toMatch(/^run_/);
    const wrongType = (await runAction(stateDir, "list-customers", { limit: "ten" })).error();
    expect(wrongType).toMatchObject({
      status: 422,
      message: expect.stringContaining("/limit must be integer"),
    });
    const outOfRange = (
      await runAction(stateDir, "get-campaign-metrics", { campaignId: "101", steps: 99 })
    ).error();
    expect(outOfRange.message).toContain("/steps must be <= 45");
    const badEnum = (await runAction(stateDir, "list-campaigns", { state: "paused" })).error();
    expect(badEnum.message).toContain("must be one of");
  });

  it("ignores unknown properties and required names that do not exist", async () => {
    const run = await runAction(stateDir, "unsuppress-customer", { customerId: "cust_1001", extra: true });
    expect(run.exitCode).toBe(0);
    expect(run.json().output).toEqual({ id: "cust_1001", suppressed: false });
  });

  it("fills a formula default from another input ($var)", async () => {
    const created = (await runAction(stateDir, "create-customer", { email: "new.person@example.com" })).json()
      .output;
    expect(created).toMatchObject({ id: "new.person@example.com", plan: "free" });
  });

  it("reports upstream 404s, unknown actions and actions that are not ready", async () => {
    expect((await runAction(stateDir, "get-segment", { segmentId: "999" })).error()).toMatchObject({
      status: 404,
      data: { errors: [{ status: "404" }] },
    });
    expect((await runAction(stateDir, "no-such-action", {})).error().status).toBe(404);
    const notReady = (await runAction(stateDir, "list-reporting-webhooks")).error();
    expect(notReady.message).toContain("SETUP_FAILED");
  });

  it("rejects --input that is not JSON as bad usage", async () => {
    const run = await sandbox(stateDir, [
      "action",
      "run",
      "list-customers",
      `--connectionId=${CONNECTION}`,
      "--input={nope",
    ]);
    expect(run.exitCode).toBe(2);
  });
});
