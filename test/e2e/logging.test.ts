/**
 * A client that asks for debug logs (`logging/setLevel`) receives them as `notifications/message`, over
 * stdio from the built server in sandbox mode: the server logs each Membrane CLI call at debug level.
 */
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { startStdio } from "../helpers/harness.js";

type LogMessage = { level: string; logger?: string; data: unknown };

describe("logging/setLevel", () => {
  it("sends debug log messages once the client asks for them", async () => {
    const harness = await startStdio(["--sandbox", "--no-cache"]);
    try {
      const messages: LogMessage[] = [];
      harness.client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
        messages.push(notification.params as LogMessage);
      });
      await harness.client.setLoggingLevel("debug");
      const result = await harness.client.callTool({
        name: "search_actions",
        arguments: { query: "list people" },
      });
      expect(result.isError).toBeFalsy();
      await expect
        .poll(() => messages.filter((message) => message.level === "debug").length)
        .toBeGreaterThan(0);
      const debug = messages.filter((message) => message.level === "debug");
      expect(debug.some((message) => JSON.stringify(message.data).includes("membrane"))).toBe(true);
      expect(debug.every((message) => message.logger === "customerio-mcp")).toBe(true);
    } finally {
      await harness.close();
    }
  });

  it("sends no debug messages to a client that did not ask for them", async () => {
    const harness = await startStdio(["--sandbox", "--no-cache"]);
    try {
      const levels: string[] = [];
      harness.client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
        levels.push(notification.params.level);
      });
      await harness.client.callTool({ name: "search_actions", arguments: { query: "list people" } });
      expect(levels).not.toContain("debug");
    } finally {
      await harness.close();
    }
  });
});
