/// <reference types="node" />
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A recorded WooCommerce exchange, as the fixture files store it. */
interface RecordedExchange {
  request: { method: string; url: string };
  response: { status: number; body: unknown };
}

/** Reads a recorded exchange from a fixture file beside the calling test. */
export function readExchange(url: URL): RecordedExchange {
  return JSON.parse(readFileSync(url, "utf8")) as RecordedExchange;
}

/**
 * Test support: an HTTP server on 127.0.0.1 that answers each request with the recorded
 * response chosen by `pick`, or 404 in WooCommerce's error shape, and keeps the requests seen.
 */
export class RecordedStore {
  readonly seen: { method: string; url: URL; body: string }[] = [];
  private server: Server | null = null;

  constructor(private readonly pick: (method: string, url: URL) => RecordedExchange | null) {}

  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const method = request.method ?? "GET";
        const url = new URL(request.url ?? "/", "http://127.0.0.1");
        this.seen.push({ method, url, body: Buffer.concat(chunks).toString("utf8") });
        const exchange = this.pick(method, url);
        const status = exchange?.response.status ?? 404;
        const body = exchange?.response.body ?? { code: "rest_no_route", message: "No route" };
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
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
