// `request`: the simulated App API behind Membrane's proxy, its shapes, and its 404/422 failures.
import { beforeEach, describe, expect, it } from "vitest";
import { CONNECTION, freshStateDir, sandbox } from "./helpers.js";

let stateDir: string;
beforeEach(async () => {
  stateDir = await freshStateDir();
});

const request = (path: string, ...options: string[]) =>
  sandbox(stateDir, ["request", CONNECTION, path, ...options]);

describe("request", () => {
  it("looks people up by email and reads their attributes", async () => {
    const found = (await request("/v1/customers", "--query", "email=ava.thompson@example.com")).json();
    expect(found.results).toEqual([expect.objectContaining({ id: "cust_1001" })]);
    const attrs = (await request("/customers/{id}/attributes", "--pathParam=id=cust_1001")).json();
    expect(attrs.customer).toMatchObject({ id: "cust_1001", attributes: { plan: "pro" } });
    expect(attrs.customer.timestamps.created_at).toEqual(expect.any(Number));
  });

  it("serves the read endpoints with and without the /v1 prefix", async () => {
    for (const [path, field] of [
      ["/v1/segments", "segments"],
      ["/campaigns", "campaigns"],
      ["/v1/newsletters", "newsletters"],
      ["/v1/broadcasts", "broadcasts"],
      ["/v1/exports", "exports"],
      ["/v1/collections", "collections"],
      ["/v1/activities", "activities"],
    ] as const) {
      const run = await request(path);
      expect(run.exitCode, path).toBe(0);
      expect(Array.isArray(run.json()[field]), path).toBe(true);
    }
    expect((await request("/v1/campaigns/101")).json().campaign.name).toContain("Onboarding");
    expect(
      (await request("/v1/campaigns/101/metrics", "--query=steps=3")).json().metric.series.sent,
    ).toHaveLength(3);
  });

  it("honours limit and start on paged endpoints", async () => {
    const first = (await request("/v1/activities", "--query", "limit=5")).json();
    expect(first.activities).toHaveLength(5);
    const second = (
      await request("/v1/activities", "--query", "limit=5", "--query", `start=${first.next}`)
    ).json();
    expect(second.activities[0].id).not.toBe(first.activities[0].id);
  });

  it("creates and deletes a segment; 422 without a name; 404 after delete", async () => {
    const created = await request(
      "/v1/segments",
      "-X",
      "POST",
      "-H",
      "Content-Type: application/json",
      "-d",
      JSON.stringify({ segment: { name: "Churn risk", description: "From the MCP" } }),
    );
    const { segment } = created.json();
    expect(segment).toMatchObject({ name: "Churn risk", type: "manual" });
    const noName = await request(
      "/v1/segments",
      "--method=POST",
      `--data=${JSON.stringify({ segment: {} })}`,
    );
    expect(noName.exitCode).toBe(1);
    expect(noName.error()).toMatchObject({ status: 422, data: { errors: [{ status: "422" }] } });
    expect((await request(`/v1/segments/${segment.id}`, "-X", "DELETE")).exitCode).toBe(0);
    const gone = await request(`/v1/segments/${segment.id}`);
    expect(gone.exitCode).toBe(1);
    expect(gone.error()).toMatchObject({
      status: 404,
      data: { errors: [{ detail: expect.stringContaining("not found"), status: "404" }] },
    });
  });

  it("triggers a broadcast and sends a transactional email", async () => {
    const trigger = await request(
      "/v1/campaigns/301/triggers",
      "-X",
      "POST",
      "-d",
      '{"data":{"headline":"Hi"}}',
    );
    expect(trigger.json()).toEqual({ id: expect.any(Number) });
    const draft = await request("/v1/campaigns/303/triggers", "-X", "POST", "-d", "{}");
    expect(draft.error().status).toBe(422);
    const sent = await request(
      "/v1/send/email",
      "-X",
      "POST",
      "--json",
      "-d",
      JSON.stringify({
        transactional_message_id: 1,
        to: "ava.thompson@example.com",
        identifiers: { id: "cust_1001" },
      }),
    );
    expect(sent.json()).toMatchObject({ delivery_id: expect.any(String), queued_at: expect.any(Number) });
    const invalid = await request("/v1/send/email", "-X", "POST", "-d", JSON.stringify({ to: "nobody" }));
    expect(invalid.error().status).toBe(422);
  });

  it("answers 404 for unknown routes and refuses other hosts", async () => {
    expect((await request("/v1/nothing-here")).error().status).toBe(404);
    expect((await request("https://evil.example.com/v1/segments")).exitCode).toBe(1);
    expect((await request("https://api.customer.io/v1/segments")).exitCode).toBe(0);
  });
});
