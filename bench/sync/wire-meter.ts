import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";

/**
 * Counts bytes on the server's TCP connections (request and response, headers and bodies, as
 * sent) and the requests answered per route prefix, so a window's bytes can be divided by the
 * requests made in it.
 */
export class WireMeter {
  private readonly open = new Set<Socket>();
  private closedBytes = 0;
  private readonly requests = new Map<string, number>();

  constructor(app: FastifyInstance) {
    app.server.on("connection", (socket: Socket) => {
      this.open.add(socket);
      socket.on("close", () => {
        this.open.delete(socket);
        this.closedBytes += socket.bytesRead + socket.bytesWritten;
      });
    });
    app.addHook("onResponse", (request, _reply, done) => {
      const route = request.url.split("?")[0] ?? request.url;
      this.requests.set(route, (this.requests.get(route) ?? 0) + 1);
      done();
    });
  }

  totalBytes(): number {
    let bytes = this.closedBytes;
    for (const socket of this.open) bytes += socket.bytesRead + socket.bytesWritten;
    return bytes;
  }

  /** Requests answered so far, by path. */
  requestCounts(): Map<string, number> {
    return new Map(this.requests);
  }
}
