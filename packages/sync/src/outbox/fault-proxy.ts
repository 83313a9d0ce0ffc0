/// <reference types="node" />
import { createServer, request as httpRequest, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * What the proxy does with one order creation:
 * - `pass`: pass it on.
 * - `fail500`, `reject400`: reply with that status without passing it on.
 * - `dropReply`: pass it on and drop the connection before the reply, after the server committed.
 * - `delayReply`: pass it on and delay the reply by `delayMs`.
 * - `holdRequest`: keep the request open without passing it on until the client gives up or the
 *   proxy closes, so the order never reaches the server.
 */
export type Fault =
  | { kind: "pass" }
  | { kind: "fail500" }
  | { kind: "reject400" }
  | { kind: "dropReply" }
  | { kind: "delayReply"; delayMs: number }
  | { kind: "holdRequest" };

/**
 * An HTTP proxy on 127.0.0.1 in front of a real store server, which applies the next scripted
 * fault to each `POST /wp-json/wc/v3/orders` and passes everything else on untouched. A browser
 * that loads the till from the proxy's address sends all its requests through it.
 */
export class FaultProxy {
  readonly faults: Fault[] = [];
  orderPosts = 0;
  private server: Server | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly target: string) {}

  async listen(): Promise<string> {
    this.server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        const isOrderPost = incoming.method === "POST" && incoming.url === "/wp-json/wc/v3/orders";
        if (isOrderPost) this.orderPosts += 1;
        const fault: Fault = (isOrderPost ? this.faults.shift() : undefined) ?? { kind: "pass" };
        if (fault.kind === "fail500") return this.answer(outgoing, fault, null);
        if (fault.kind === "reject400") return rejectOrder(outgoing);
        if (fault.kind === "holdRequest") return;
        this.forward(incoming.method ?? "GET", incoming.url ?? "/", incoming.headers, chunks)
          .then((reply) => this.answer(outgoing, fault, reply))
          .catch(() => outgoing.destroy());
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private answer(outgoing: ServerResponse, fault: Fault, reply: Reply | null): void {
    if (fault.kind === "fail500" || reply === null) {
      outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ code: "internal_error", message: "injected", data: null }));
      return;
    }
    if (fault.kind === "dropReply") {
      outgoing.destroy();
      return;
    }
    const send = () => {
      outgoing.writeHead(reply.status, reply.headers);
      outgoing.end(reply.body);
    };
    if (fault.kind !== "delayReply") return send();
    const timer = setTimeout(send, fault.delayMs);
    this.timers.add(timer);
  }

  private forward(
    method: string,
    path: string,
    headers: Record<string, string | string[] | undefined>,
    chunks: Buffer[],
  ): Promise<Reply | null> {
    return new Promise((resolve, reject) => {
      const url = new URL(path, this.target);
      const upstream = httpRequest(url, { method, headers }, (response) => {
        const body: Buffer[] = [];
        response.on("data", (chunk: Buffer) => body.push(chunk));
        response.on("end", () => {
          const replyHeaders = { ...response.headers };
          resolve({
            status: response.statusCode ?? 502,
            headers: replyHeaders,
            body: Buffer.concat(body),
          });
        });
      });
      upstream.on("error", reject);
      upstream.end(Buffer.concat(chunks));
    });
  }
}

/** Rejects the order with a 400 in WooCommerce's error shape. */
function rejectOrder(outgoing: ServerResponse): void {
  const error = {
    code: "woocommerce_rest_invalid_order",
    message: "Injected rejection: the fault proxy rejected this order.",
    data: { status: 400 },
  };
  outgoing.writeHead(400, { "content-type": "application/json" });
  outgoing.end(JSON.stringify(error));
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
