/// <reference types="node" />
import { readFileSync, readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

type Wire = Record<string, unknown> & { id: number };

const fixtureDir = fileURLToPath(new URL("../../../woo/test-fixtures/", import.meta.url));

/** The response body of a recorded WooCommerce 11.0.1 fixture in packages/woo/test-fixtures. */
export function recordedBody(prefix: string): unknown {
  const file = readdirSync(fixtureDir).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no recorded fixture starts with "${prefix}" in ${fixtureDir}`);
  const exchange = JSON.parse(readFileSync(`${fixtureDir}${file}`, "utf8")) as {
    response: { body: unknown };
  };
  return exchange.response.body;
}

/**
 * A WooCommerce stand-in on 127.0.0.1 that serves records recorded from WooCommerce 11.0.1 with
 * WordPress's listing rules: per_page (at most 100), page, orderby id or modified, order,
 * status, modified_after, include, _fields, and the X-WP-Total and X-WP-TotalPages headers.
 * It has no pos/v1 routes.
 */
export class WooTestServer {
  readonly collections = new Map<string, Map<number, Wire>>();
  readonly variations = new Map<number, Map<number, Wire>>();
  readonly requests: URL[] = [];
  private server: Server | null = null;

  constructor() {
    this.load("wc/v3/taxes", "02-");
    this.load("wc/v3/products/categories", "04-");
    this.load("wc/v3/products/tags", "05-");
    this.load("wc/v3/products", "08-");
    this.load("wc/v3/customers", "30-");
    this.load("wc/v3/coupons", "35-");
    for (const [parent, prefix] of [
      [11, "15-"],
      [12, "17-"],
    ] as const) {
      const records = recordedBody(prefix) as Wire[];
      this.variations.set(parent, new Map(records.map((record) => [record.id, record])));
    }
  }

  route(route: string): Map<number, Wire> {
    const records = this.collections.get(route);
    if (!records) throw new Error(`the test server has no route ${route}`);
    return records;
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

  private load(route: string, prefix: string): void {
    const records = recordedBody(prefix) as Wire[];
    this.collections.set(route, new Map(records.map((record) => [record.id, record])));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    this.requests.push(url);
    const route = url.pathname.replace(/^\/wp-json\//, "");
    const variationsOf = /^wc\/v3\/products\/(\d+)\/variations$/.exec(route);
    const records = variationsOf
      ? this.variations.get(Number(variationsOf[1]))
      : this.collections.get(route);
    if (!records) {
      const body = {
        code: "rest_no_route",
        message: "No route was found matching the URL and request method.",
        data: { status: 404 },
      };
      return send(response, 404, body);
    }
    this.list(response, [...records.values()], url.searchParams);
  }

  private list(response: ServerResponse, all: Wire[], query: URLSearchParams): void {
    const perPage = Number(query.get("per_page") ?? 10);
    if (perPage > 100) {
      const body = {
        code: "rest_invalid_param",
        message: "Invalid parameter(s): per_page",
        data: { status: 400 },
      };
      return send(response, 400, body);
    }
    const page = Number(query.get("page") ?? 1);
    const matching = sortRecords(filterRecords(all, query), query);
    const slice = matching
      .slice((page - 1) * perPage, page * perPage)
      .map((record) => pick(record, query.get("_fields")));
    send(response, 200, slice, {
      "x-wp-total": String(matching.length),
      "x-wp-totalpages": String(Math.ceil(matching.length / perPage)),
    });
  }
}

function filterRecords(all: Wire[], query: URLSearchParams): Wire[] {
  const status = query.get("status");
  const modifiedAfter = query.get("modified_after");
  const include = query.get("include")?.split(",").map(Number);
  return all.filter((record) => {
    if (status && status !== "any" && record.status !== status) return false;
    if (modifiedAfter && !(String(record.date_modified_gmt) > modifiedAfter)) return false;
    if (include && !include.includes(record.id)) return false;
    return true;
  });
}

function sortRecords(records: Wire[], query: URLSearchParams): Wire[] {
  const direction = query.get("order") === "asc" ? 1 : -1;
  const byModified = query.get("orderby") === "modified";
  return [...records].sort((a, b) => {
    const key = byModified
      ? String(a.date_modified_gmt).localeCompare(String(b.date_modified_gmt)) || a.id - b.id
      : a.id - b.id;
    return key * direction;
  });
}

function pick(record: Wire, fields: string | null): Wire {
  if (!fields) return record;
  const names = fields.split(",");
  return Object.fromEntries(Object.entries(record).filter(([key]) => names.includes(key))) as Wire;
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response
    .writeHead(status, { "content-type": "application/json", ...headers })
    .end(JSON.stringify(body));
}
