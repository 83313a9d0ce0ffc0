/// <reference types="node" />
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Delay before the response is sent, to test timeouts. */
  delayMs?: number;
}

export type Handler = (request: SeenRequest) => ScriptedAnswer;

/** A local HTTP server on 127.0.0.1 that responds with `handler` and records every request. */
export class ScriptedServer {
  readonly seen: SeenRequest[] = [];
  handler: Handler = () => ({ status: 404, body: { code: "rest_no_route", message: "No route" } });
  private server: Server | null = null;

  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const seen: SeenRequest = {
          method: request.method ?? "GET",
          url: new URL(request.url ?? "/", "http://127.0.0.1"),
          headers: request.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        this.seen.push(seen);
        const answer = this.handler(seen);
        const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
        const reply = () =>
          response
            .writeHead(answer.status, { "content-type": "application/json", ...answer.headers })
            .end(text);
        if (answer.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
