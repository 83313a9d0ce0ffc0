/// <reference types="node" />
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Test support: an HTTP proxy on 127.0.0.1 in front of a store server. It passes every request
 * on, and for the first `dropReplies` customer creations (`POST wc/v3/customers`) it lets the
 * store commit and then closes the connection instead of replying, as a network cut would.
 */
export class LostReplyProxy {
  dropReplies = 0;
  customerPosts = 0;
  customerLookups = 0;
  private server: Server | null = null;

  constructor(private readonly target: string) {}

  async listen(): Promise<string> {
    this.server = createServer((incoming, outgoing) => {
      const path = incoming.url ?? "/";
      const isCustomerPost = incoming.method === "POST" && path === "/wp-json/wc/v3/customers";
      if (isCustomerPost) this.customerPosts += 1;
      if (incoming.method === "GET" && path.startsWith("/wp-json/wc/v3/customers?")) {
        this.customerLookups += 1;
      }
      const drop = isCustomerPost && this.dropReplies > 0;
      if (drop) this.dropReplies -= 1;

      const forwarded = httpRequest(new URL(path, this.target), {
        method: incoming.method ?? "GET",
        headers: incoming.headers,
      });
      forwarded.on("response", (reply) => {
        if (drop) {
          reply.resume();
          reply.on("end", () => outgoing.destroy());
          return;
        }
        outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(outgoing);
      });
      forwarded.on("error", () => outgoing.destroy());
      incoming.pipe(forwarded);
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
