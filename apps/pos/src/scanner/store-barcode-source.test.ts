/// <reference types="node" />
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WooApiError, WooClient } from "@pos/woo";
import { changeStoreBarcodeSource, fetchStoreBarcodeSource } from "./store-barcode-source.js";

/** A store stand-in that keeps one barcode source and rejects what is not a known form. */
let stored: string;
let rejectChanges: boolean;
let broken: boolean;
let server: Server;
let client: WooClient;
const received: { method: string; url: string; body: string }[] = [];

beforeEach(async () => {
  stored = "global_unique_id";
  rejectChanges = false;
  broken = false;
  received.length = 0;
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      received.push({ method: request.method ?? "", url: request.url ?? "", body });
      response.setHeader("content-type", "application/json");
      if (broken || (rejectChanges && request.method === "PUT")) {
        response.statusCode = broken ? 500 : 403;
        const code = broken ? "internal_error" : "woocommerce_rest_cannot_edit";
        response.end(
          JSON.stringify({ code, message: "refused", data: { status: response.statusCode } }),
        );
        return;
      }
      if (request.method === "PUT") {
        const value = (JSON.parse(body) as { value: string }).value;
        if (!["global_unique_id", "sku", "meta:_ean"].includes(value)) {
          response.statusCode = 400;
          response.end(
            JSON.stringify({
              code: "rest_invalid_param",
              message: "Invalid parameter(s): value",
              data: { status: 400, params: { value: `barcode source "${value}" is invalid` } },
            }),
          );
          return;
        }
        stored = value;
      }
      response.end(JSON.stringify({ id: "pos_barcode_source", value: stored }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  client = new WooClient({ baseUrl: `http://127.0.0.1:${port}`, maxAttempts: 1 });
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return body;
}

describe("store barcode source", () => {
  it("reads the store's value", async () => {
    expect(await fetchStoreBarcodeSource(client)).toBe("global_unique_id");
    expect(received[0]?.url).toBe("/wp-json/pos/v1/settings/pos_barcode_source");
  });

  it("sends a change as the value field", async () => {
    expect(await changeStoreBarcodeSource(client, "meta:_ean")).toBe("meta:_ean");
    expect(received[0]?.method).toBe("PUT");
    expect(JSON.parse(received[0]?.body ?? "")).toEqual({ value: "meta:_ean" });
    expect(await fetchStoreBarcodeSource(client)).toBe("meta:_ean");
  });

  it("raises the store's reason for an invalid value", async () => {
    const change = changeStoreBarcodeSource(client, "ean");

    await expect(change).rejects.toBeInstanceOf(RangeError);
    await expect(change).rejects.toThrow('barcode source "ean" is invalid');
    expect(stored).toBe("global_unique_id");
  });

  it("names the role a rejected change needs", async () => {
    rejectChanges = true;

    await expect(changeStoreBarcodeSource(client, "sku")).rejects.toThrow(
      "only a manager or administrator can change the barcode field",
    );
    expect(stored).toBe("global_unique_id");
  });

  it("passes other failures on unchanged", async () => {
    broken = true;

    await expect(changeStoreBarcodeSource(client, "sku")).rejects.toBeInstanceOf(WooApiError);
  });
});
