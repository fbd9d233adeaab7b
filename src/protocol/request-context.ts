/**
 * What differs between the two protocol eras inside one request, kept out of server.ts: which era the
 * request speaks (2026-07-28 requests carry the `_meta` envelope), where its log lines go, and how long a
 * client may cache the tool list. The SDK's ServerContext is the only input.
 */
import { PROTOCOL_VERSION_META_KEY, type ServerContext } from "@modelcontextprotocol/server";
import { LOG_LEVELS, type LogLevel, type LogSink } from "../log.js";

/** A 2026-07-28 (stateless) request names its protocol version in its own `_meta`. */
export function isModernRequest(ctx: ServerContext): boolean {
  const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
  return envelope?.[PROTOCOL_VERSION_META_KEY] !== undefined;
}

const rank = (level: LogLevel) => LOG_LEVELS.indexOf(level);

/**
 * The log sink of one request. Modern: the SDK sends only what the request's `_meta` log level asks for
 * (nothing when it asks for nothing). Legacy: the level the client set with `logging/setLevel` on this
 * connection (`legacyLevel()`), `info` until it sets one.
 */
export function requestLogSink(ctx: ServerContext, logger: string, legacyLevel: () => LogLevel): LogSink {
  const modern = isModernRequest(ctx);
  return (level, message, data) => {
    const payload = data ? { message, ...data } : message;
    if (modern) {
      ctx.mcpReq.log(level, payload, logger).catch(() => {});
      return;
    }
    if (rank(level) < rank(legacyLevel())) return;
    ctx.mcpReq
      .notify({ method: "notifications/message", params: { level, logger, data: payload } })
      .catch(() => {});
  };
}

/** Sends `notifications/progress` for this request when the client gave a progress token. */
export function progressReporter(ctx: ServerContext): (message: string, value?: number) => void {
  const token = ctx.mcpReq._meta?.progressToken;
  let last = 0;
  return (message, value) => {
    if (token === undefined) return;
    const progress = Math.max(value ?? last + 1, last + 1);
    last = progress;
    ctx.mcpReq
      .notify({ method: "notifications/progress", params: { progressToken: token, progress, message } })
      .catch(() => {});
  };
}

/** The catalog is discovered once per process; until then the list may change at any moment. */
export const TOOL_LIST_TTL_MS = 10 * 60 * 1000;
