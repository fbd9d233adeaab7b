/**
 * The consent and read-only attacks of issue #18, as bodies over any server (attack-server.ts): a person
 * who says no to everything, read-only mode, --read-only-allow globs, and every route a request can take
 * (proxy_request, the direct tool, run_action by id and by key). What counts is what reached Membrane:
 * 0 high-blast runs after a "no" and 0 mutating runs in read-only mode, on every schema profile.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import type { SchemaProfile } from "../../../src/config.js";
import { SCHEMA_PROFILES } from "../../../src/options.js";
import { resultText } from "../../helpers/harness.js";
import type { AttackOptions, AttackServer, StartAttackServer } from "./attack-server.js";
import { ACTIONS } from "./consent-scenario.js";

type Route = "proxy_request" | "direct" | "run_action by id" | "run_action by key";
const ROUTES: Route[] = ["proxy_request", "direct", "run_action by id", "run_action by key"];
const DECLINE = () => ({ action: "decline" as const });
const ACCEPT = () => ({ action: "accept" as const, content: { confirm: true } });

/** The high-blast requests of the issue, plain and with encoded letters. */
const HIGH_BLAST = [
  { method: "DELETE", path: "/v1/customers/42" },
  { method: "POST", path: "/v1/send/email" },
  { method: "POST", path: "/v1/campaigns/1/triggers" },
  { method: "POST", path: "/v1/s%65nd/email" },
  { method: "POST", path: "/v1/campaigns/1/t%72iggers" },
  { method: "POST", path: "/v1/SEND/email" },
];

/** Calls a tool; a protocol error (a tool not listed in this mode) counts as a refusal. */
export async function call(
  server: Pick<AttackServer, "client">,
  name: string,
  args: Record<string, unknown>,
) {
  try {
    return (await server.client.callTool({ name, arguments: args })) as CallToolResult;
  } catch (error) {
    return { isError: true, content: [{ type: "text", text: String(error) }] } as CallToolResult;
  }
}

/**
 * A tool's arguments in the profile's shape, read from its listed schema: an object where the profile
 * takes JSON text is sent as text, and what strict profiles require and we leave out is null.
 */
export async function shapedArgs(
  server: Pick<AttackServer, "client">,
  tool: string,
  input: Record<string, unknown>,
) {
  const { tools } = await server.client.listTools();
  const schema = tools.find((t) => t.name === tool)?.inputSchema;
  const properties = (schema?.properties ?? {}) as Record<string, { type?: unknown }>;
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const type = properties[name]?.type;
    const takesText = type === "string" || (Array.isArray(type) && type[0] === "string");
    args[name] = takesText && typeof value === "object" && value !== null ? JSON.stringify(value) : value;
  }
  for (const name of (schema?.required as string[] | undefined) ?? []) if (!(name in args)) args[name] = null;
  return args;
}

/** Runs `action` with `input` through `route` (proxy_request takes the request itself). */
export async function viaRoute(
  server: AttackServer,
  route: Route,
  action: { id: string; key: string },
  input: Record<string, unknown>,
): Promise<CallToolResult> {
  const shaped = (tool: string, args: Record<string, unknown>) =>
    shapedArgs(server, tool, args).then((shapedArgs) => call(server, tool, shapedArgs));
  if (route === "proxy_request") return shaped("proxy_request", input);
  if (route === "run_action by id") return shaped("run_action", { action: action.id, input });
  if (route === "run_action by key") return shaped("run_action", { action: action.key, input });
  return shaped(action.key.replace(/-/g, "_"), input);
}

/** Each attack's short name, to run a few of them where a server costs a process (test/e2e/). */
export type AttackName =
  | "no stops high-blast"
  | "fixed POST asks"
  | "read-only fixed POST"
  | "read-only-allow globs"
  | "vouching asks"
  | "unknown effect, no"
  | "unknown effect, yes"
  | "for this session"
  | "cannot ask, refused"
  | "count is no send";

export interface AttackSelection {
  profiles?: readonly SchemaProfile[];
  /** The attacks to run; all of them by default. */
  only?: readonly AttackName[];
}

export function defineConsentAttacks(
  label: string,
  start: StartAttackServer,
  { profiles = SCHEMA_PROFILES, only }: AttackSelection = {},
): void {
  const attack = (name: AttackName, title: string, body: () => Promise<void>) => {
    if (!only || only.includes(name)) it(title, body);
  };
  for (const profile of profiles) {
    describe(`consent attacks (${label}, ${profile})`, () => {
      let server: AttackServer | undefined;
      const open = async (options: Omit<AttackOptions, "profile">) => {
        server = await start({ ...options, profile });
        return server;
      };
      afterEach(async () => {
        await server?.close();
        server = undefined;
      });

      attack(
        "no stops high-blast",
        "a 'no' stops every high-blast request on every route, encoded letters included",
        async () => {
          const s = await open({ flags: [], person: DECLINE });
          for (const request of HIGH_BLAST)
            for (const route of ROUTES) {
              const result = await viaRoute(s, route, ACTIONS.request, request);
              expect(result.isError, `${route} ${JSON.stringify(request)}: ${resultText(result)}`).toBe(true);
              expect(resultText(result)).toContain("declined");
            }
          expect(s.asked).toHaveLength(HIGH_BLAST.length * ROUTES.length);
          expect(s.runs().map((c) => c.argv)).toEqual([]);
        },
      );

      attack(
        "fixed POST asks",
        "asks the same for a record that fixes POST /v1/send/sms, whatever the input calls `method`",
        async () => {
          const s = await open({ flags: [], person: DECLINE });
          for (const route of ["direct", "run_action by id", "run_action by key"] as const) {
            const result = await viaRoute(s, route, ACTIONS.sendSms, { method: "sms", to: "+15550100" });
            expect(result.isError, `${route}: ${resultText(result)}`).toBe(true);
          }
          expect(s.asked).toHaveLength(3);
          expect(s.runs()).toEqual([]);
        },
      );

      attack(
        "read-only fixed POST",
        "read-only: a fixed POST is not offered and does not run, whatever the input calls `method`",
        async () => {
          const s = await open({ flags: ["--read-only"], person: ACCEPT });
          const { tools } = await s.client.listTools();
          expect(tools.map((t) => t.name)).not.toContain("send_sms");
          for (const route of ["direct", "run_action by id", "run_action by key"] as const) {
            const result = await viaRoute(s, route, ACTIONS.sendSms, { method: "sms", to: "+15550100" });
            expect(result.isError, `${route}: ${resultText(result)}`).toBe(true);
          }
          expect(s.runs()).toEqual([]);
        },
      );

      for (const glob of ["*", "*customer*", "trigger_broadcast", "delete-customer", "*suppress*"])
        attack(
          "read-only-allow globs",
          `read-only: --read-only-allow '${glob}' unlocks no known write, send or delete`,
          async () => {
            const s = await open({ flags: ["--read-only", "--read-only-allow", glob], person: ACCEPT });
            for (const action of [ACTIONS.deleteCustomer, ACTIONS.trigger, ACTIONS.suppress, ACTIONS.sendSms])
              for (const route of ["direct", "run_action by key"] as const) {
                const result = await viaRoute(s, route, action, { id: "42" });
                expect(result.isError, `${action.key} ${route}: ${resultText(result)}`).toBe(true);
              }
            expect(s.runs()).toEqual([]);
          },
        );

      attack("vouching asks", "vouching never removes the person's confirmation", async () => {
        const s = await open({ flags: ["--read-only-allow", "*"], person: DECLINE });
        for (const action of [ACTIONS.trigger, ACTIONS.suppress, ACTIONS.deleteCustomer]) {
          const result = await viaRoute(s, "run_action by key", action, { id: "42" });
          expect(result.isError, `${action.key}: ${resultText(result)}`).toBe(true);
        }
        expect(s.asked).toHaveLength(3);
        expect(s.runs()).toEqual([]);
      });

      attack(
        "unknown effect, no",
        "read-only: an operation of unknown effect asks the person when it can, and runs only on yes",
        async () => {
          const s = await open({ flags: ["--read-only"], person: DECLINE });
          const no = await viaRoute(s, "run_action by key", ACTIONS.metrics, { id: "7" });
          expect(no.isError, resultText(no)).toBe(true);
          expect(s.asked).toHaveLength(1);
          expect(s.asked[0]).toContain("Get Campaign Metrics");
          expect(s.asked[0]).toContain("does not say whether it changes data");
          expect(s.runs()).toEqual([]);
        },
      );

      attack(
        "unknown effect, yes",
        "read-only: an unknown-effect operation runs once the person says yes; a count is no send",
        async () => {
          const s = await open({ flags: ["--read-only"], person: ACCEPT });
          const yes = await viaRoute(s, "run_action by key", ACTIONS.count, { id: "7" });
          expect(yes.isError, resultText(yes)).toBeFalsy();
          expect(s.asked).toHaveLength(1);
          expect(s.asked[0]).not.toMatch(/cannot be undone|sends real messages/);
          expect(s.runs()).toHaveLength(1);
        },
      );

      attack(
        "for this session",
        "read-only: 'for this session' is remembered for that operation alone (per request over stateless HTTP)",
        async () => {
          const s = await open({
            flags: ["--read-only"],
            person: () => ({ action: "accept", content: { confirm: true, session: true } }),
          });
          for (let i = 0; i < 2; i++) {
            const result = await viaRoute(s, "run_action by key", ACTIONS.metrics, { id: "7" });
            expect(result.isError, resultText(result)).toBeFalsy();
          }
          // A wire without sessions (stateless HTTP) has nothing to remember it in: it asks every time.
          const askedForMetrics = start.sessions === false ? 2 : 1;
          expect(s.asked).toHaveLength(askedForMetrics);
          await viaRoute(s, "run_action by key", ACTIONS.count, { id: "7" });
          expect(s.asked).toHaveLength(askedForMetrics + 1);
          expect(s.runs()).toHaveLength(3);
        },
      );

      attack(
        "cannot ask, refused",
        "read-only without elicitation: refused with the exact --read-only-allow setting that vouches",
        async () => {
          const s = await open({ flags: ["--read-only"] });
          const result = await viaRoute(s, "run_action by key", ACTIONS.metrics, { id: "7" });
          expect(result.isError).toBe(true);
          const text = resultText(result);
          expect(text).toContain("--read-only-allow get_campaign_metrics");
          expect(text).toContain("CUSTOMERIO_MCP_READ_ONLY_ALLOW=get_campaign_metrics");
          expect(text).toContain("Read-only: also allow");
          expect(s.runs()).toEqual([]);
        },
      );

      attack("count is no send", "a count, get or list is never labelled as a send or a delete", async () => {
        const s = await open({ flags: [], person: DECLINE });
        const { tools } = await s.client.listTools();
        const count = tools.find((t) => t.name === "count_suppressed_customers");
        expect(count?.description ?? "").not.toMatch(/CAUTION|cannot be undone|send real messages/i);
        const result = await viaRoute(s, "direct", ACTIONS.count, { id: "7" });
        expect(result.isError, resultText(result)).toBeFalsy();
        expect(s.asked).toEqual([]);
      });
    });
  }
}
