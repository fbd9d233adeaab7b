/**
 * A loopback HTTP server that records every request (method, path, query, headers, body) and answers from
 * a function: the one place both `@membranehq/sdk` and the REST backend send to when a test compares what
 * each puts on the wire. Real sockets, real fetch and axios: nothing is mocked.
 */
import { createServer } from "node:http";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecordingServer(
  answer: (request: RecordedRequest) => { status?: number; body: unknown },
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const url = new URL(incoming.url ?? "/", "http://recorder");
      const recorded: RecordedRequest = {
        method: incoming.method ?? "",
        path: url.pathname,
        query: [...url.searchParams],
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const { status = 200, body } = answer(recorded);
      outgoing.writeHead(status, { "content-type": "application/json" });
      outgoing.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
