/// <reference types="node" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { catalogCollections, type CatalogCollection } from "@pos/core";

interface JournalEntry {
  seq: number;
  collection: CatalogCollection;
  id: number;
  deleted: boolean;
}

type Interceptor = (
  request: IncomingMessage,
  url: URL,
) => { status: number; body?: unknown } | null;

/**
 * An in-memory store server that speaks the pos/v1 pull routes of docs/pos-api.md (ping, head,
 * snapshot, changes with ETag), for sync tests until they can run against the real server.
 */
export class PosTestServer {
  readonly records = new Map<CatalogCollection, Map<number, { id: number }>>(
    catalogCollections.map((collection) => [collection, new Map()]),
  );
  readonly journal: JournalEntry[] = [];
  readonly requests: string[] = [];
  interceptor: Interceptor | null = null;
  private server: Server | null = null;
  private seq = 0;

  put(collection: CatalogCollection, record: { id: number }): void {
    this.records.get(collection)?.set(record.id, record);
    this.journal.push({ seq: ++this.seq, collection, id: record.id, deleted: false });
  }

  remove(collection: CatalogCollection, id: number): void {
    this.records.get(collection)?.delete(id);
    this.journal.push({ seq: ++this.seq, collection, id, deleted: true });
  }

  get head(): number {
    return this.seq;
  }

  async listen(): Promise<string> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    this.requests.push(`${request.method} ${url.pathname}${url.search}`);
    const intercepted = this.interceptor?.(request, url) ?? null;
    if (intercepted) return send(response, intercepted.status, intercepted.body);

    const route = url.pathname.replace(/^\/wp-json\/pos\/v1\//, "");
    if (route === "ping") return send(response, 200, { ok: true, time_gmt: "2026-12-04T16:00:00" });
    if (route === "changes/head") return send(response, 200, { head: this.seq });
    if (route.startsWith("snapshot/")) return this.snapshot(response, route.slice(9), url);
    if (route === "changes") return this.changes(request, response, url);
    send(response, 404, { code: "rest_no_route", message: "No route", data: { status: 404 } });
  }

  private snapshot(response: ServerResponse, collection: string, url: URL): void {
    const table = this.records.get(collection as CatalogCollection);
    if (!table) return send(response, 404, { code: "rest_no_route", message: "no", data: null });
    const after = Number(url.searchParams.get("after") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 1000);
    const sorted = [...table.values()].sort((a, b) => a.id - b.id);
    const page = sorted.filter((record) => record.id > after).slice(0, limit);
    const last = page.at(-1);
    const more = last !== undefined && sorted.some((record) => record.id > last.id);
    send(response, 200, { records: page, next_after: more ? last.id : null, total: sorted.length });
  }

  private changes(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const since = Number(url.searchParams.get("since") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 1000);
    const etag = `"changes-${since}-${this.seq}"`;
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    const latest = new Map<string, JournalEntry>();
    for (const entry of this.journal) {
      if (entry.seq > since) latest.set(`${entry.collection}:${entry.id}`, entry);
    }
    const pending = [...latest.values()].sort((a, b) => a.seq - b.seq);
    const page = pending.slice(0, limit);
    const changes = page.map((entry) => this.changeOf(entry));
    const next = page.at(-1)?.seq ?? since;
    send(response, 200, { changes, next, more: pending.length > limit }, { etag });
  }

  private changeOf(entry: JournalEntry) {
    const record = this.records.get(entry.collection)?.get(entry.id);
    if (entry.deleted || !record) return { ...entry, deleted: true };
    return { ...entry, record };
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
}
