import type { FastifyRequest } from "fastify";

/** Returns the origin the client used (`https://shop.example`) for `_links`, `Link` and `Location`. */
export function requestBaseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
