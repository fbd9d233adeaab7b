/**
 * proxy_request: a raw Customer.io API call through `membrane request`, for what no action covers. The
 * guard (guard/proxy-guard) keeps it on the connection's API: relative paths only, allow-listed headers,
 * no method overrides or credentials in the query, no `@file` body; read-only mode allows GET alone.
 */
import { z } from "zod";
import { ALLOWED_HEADERS_TEXT, guardProxyRequest, PROXY_METHODS } from "../guard/proxy-guard.js";
import { requestEffects } from "../guard/request-effects.js";
import { parseExactJson } from "../membrane/contract/exact-json.js";
import { withRetries } from "../membrane/retry.js";
import { confirmOrRefuse } from "./confirm.js";
import { beforeDeadline, callDeadline, remainingMs } from "./deadline.js";
import type { GenericToolSpec } from "./define-tool.js";

const BODY_ONLY_NOTE =
  "The response body as Membrane's REST API returned it (its `output`); the external app's status and headers are not part of that API's documented answer, so they are not shown.";

const ProxyRequestInput = z.object({
  method: z.enum(PROXY_METHODS).describe("The HTTP method."),
  path: z
    .string()
    .min(1)
    .describe(
      'The API path, relative and starting with "/", e.g. "/v1/segments" or "/v1/customers/{id}/attributes" with the id filled in. No host, no query string (use `query`).',
    ),
  query: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .optional()
    .describe(
      'Query-string parameters, e.g. {"limit": 50}. No method overrides (_method) or credentials (api_key, token...).',
    ),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .describe(`Extra request headers, only: ${ALLOWED_HEADERS_TEXT}. Membrane adds the credentials.`),
  body: z
    .unknown()
    .optional()
    .describe(
      'The request body: any JSON value is sent as JSON; a string is sent as is (but cannot start with "@").',
    ),
  dry_run: z
    .boolean()
    .optional()
    .describe("Check the request and show exactly what would be sent, without sending it."),
  fields: z
    .array(z.string().min(1))
    .max(50)
    .optional()
    .describe('Keep only these parts of a JSON response, e.g. ["segments.*.id", "segments.*.name"].'),
});

export const proxyRequestTool: GenericToolSpec<typeof ProxyRequestInput> = {
  name: "proxy_request",
  title: "Raw Customer.io API request",
  description: ({ readOnly }) =>
    [
      "Send a raw HTTP request to the Customer.io API through Membrane, which adds the credentials. Use it only when no action fits (search_actions first).",
      "The path is relative to the base URL of Membrane's Customer.io connector, which Membrane does not document (usually the App API, https://api.customer.io; e.g. GET /v1/segments, GET /v1/customers/{id}/attributes). If a path 404s, try it with or without the /v1 prefix. An action that makes API requests (e.g. Make API Request) may take its path relative to another base: its description says which.",
      "Returns the response body (JSON when it parses, else text); an HTTP error comes back as an error with its status and message. App API limit: about 10 requests/s.",
      readOnly
        ? "This server is read-only: only GET is allowed."
        : "Writes here act on the real workspace: preview with dry_run: true and confirm with the person first.",
    ].join(" "),
  input: ProxyRequestInput,
  annotations: ({ readOnly }) => ({
    readOnlyHint: readOnly,
    destructiveHint: !readOnly,
    openWorldHint: true,
  }),
  async run(args, ctx) {
    const { services } = ctx;
    const guarded = guardProxyRequest(
      { method: args.method, path: args.path, query: args.query, headers: args.headers, body: args.body },
      { readOnly: services.config.readOnly },
    );
    if (guarded.bodyIsJson && !guarded.headers.some(([name]) => name.toLowerCase() === "content-type")) {
      guarded.headers.push(["Content-Type", "application/json"]);
    }
    if (args.dry_run) {
      return {
        data: { dryRun: true, request: guarded },
        note: "Dry run: nothing was sent. Call again without dry_run to send it.",
      };
    }
    if (requestEffects(guarded.method, guarded.path).highBlast)
      await confirmOrRefuse(ctx, {
        what: `${guarded.method} ${guarded.path}`,
        why: "A request like this sends real messages or deletes data, and cannot be undone.",
        input: guarded,
      });
    const connection = await beforeDeadline(
      ctx,
      services.connection.resolve({ signal: ctx.signal, deadline: callDeadline(ctx) }),
      "finding the Customer.io connection",
    );
    ctx.progress(`${guarded.method} ${guarded.path}`);
    const text = await withRetries(
      ({ deadline }) =>
        services.membrane.request(connection.id, guarded, {
          signal: ctx.signal,
          deadline,
          onTick: (seconds) =>
            ctx.progress(`${guarded.method} ${guarded.path}: still waiting after ${seconds} s`),
        }),
      {
        idempotent: guarded.method === "GET",
        deadlineMs: remainingMs(ctx),
        signal: ctx.signal,
        log: services.log,
        clock: services.membrane.clock,
      },
    );
    // Membrane's REST API documents only the body (`output`) of a raw request: say what is not known.
    const note = services.membrane.facts().kind === "api" ? BODY_ONLY_NOTE : undefined;
    let body: unknown;
    try {
      // Numbers exactly as the API printed them (exact-json.ts).
      body = text.trim() === "" ? null : parseExactJson(text);
    } catch {
      // Not JSON (an HTML page, plain text): shown as the text it is, not as one quoted JSON string.
      return { data: text, plainText: true, note };
    }
    return { data: body, fields: typeof body === "object" && body !== null ? args.fields : undefined, note };
  },
};
