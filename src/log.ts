/**
 * Logging that never touches stdout (stdout carries JSON-RPC alone). Lines go to stderr and to the MCP
 * client: during a request, to that request's sink (the server decides per protocol era what the client
 * asked for); outside any request, to the connection's sink when one is attached (a 2025-era stdio client).
 * Every line, message and data alike, goes through the scrubber (redact/scrub.ts) before it leaves.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { scrubSecrets, scrubValue } from "./redact/scrub.js";

export const LOG_LEVELS = [
  "debug",
  "info",
  "notice",
  "warning",
  "error",
  "critical",
  "alert",
  "emergency",
] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogSink = (level: LogLevel, message: string, data?: Record<string, unknown>) => void;

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warning(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

const rank = (level: LogLevel) => LOG_LEVELS.indexOf(level);

/** A logger whose stderr threshold is fixed and whose client sink can be attached later. */
export class ServerLogger implements Logger {
  private clientSink: LogSink | undefined;
  private clientLevel: LogLevel = "info";
  /** The sink of the MCP request being handled, found through the async context (CLI calls included). */
  private readonly requestSink = new AsyncLocalStorage<LogSink>();

  constructor(
    private readonly stderrLevel: LogLevel = "info",
    private readonly writeStderr: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {}

  attachClient(sink: LogSink): void {
    this.clientSink = sink;
  }

  setClientLevel(level: LogLevel): void {
    this.clientLevel = level;
  }

  /** Runs `fn` with `sink` receiving every line logged meanwhile (at every level: the sink filters). */
  withRequestSink<T>(sink: LogSink, fn: () => T): T {
    return this.requestSink.run(sink, fn);
  }

  debug(message: string, data?: Record<string, unknown>): void {
    this.emit("debug", message, data);
  }
  info(message: string, data?: Record<string, unknown>): void {
    this.emit("info", message, data);
  }
  warning(message: string, data?: Record<string, unknown>): void {
    this.emit("warning", message, data);
  }
  error(message: string, data?: Record<string, unknown>): void {
    this.emit("error", message, data);
  }

  private emit(level: LogLevel, message: string, data?: Record<string, unknown>): void {
    const safeMessage = scrubSecrets(message);
    // Made plain JSON, then scrubbed value by value (scrubbing the text could cut through its quotes).
    const safeData = data
      ? (scrubValue(JSON.parse(JSON.stringify(data))) as Record<string, unknown>)
      : undefined;
    if (rank(level) >= rank(this.stderrLevel)) {
      const suffix = safeData ? ` ${JSON.stringify(safeData)}` : "";
      this.writeStderr(`[customerio-mcp] ${level}: ${safeMessage}${suffix}`);
    }
    const requestSink = this.requestSink.getStore();
    const sink =
      requestSink ?? (this.clientSink && rank(level) >= rank(this.clientLevel) ? this.clientSink : undefined);
    if (sink) {
      try {
        sink(level, safeMessage, safeData);
      } catch {
        // A client that went away must not break the call that was logging.
      }
    }
  }
}
