import type { FastifyReply, FastifyRequest } from "fastify";
import { requestBaseUrl } from "./request-base-url.js";

/**
 * Sets WordPress's paging headers: `X-WP-Total`, `X-WP-TotalPages` and a `Link` with
 * rel="prev" and rel="next" built from the request's own query (as `WP_REST_Posts_Controller`
 * does). A page past the end gets a prev link to the last page.
 */
export function setPagingHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  paging: { total: number; page: number; perPage: number },
): void {
  const totalPages = paging.total === 0 ? 0 : Math.ceil(paging.total / paging.perPage);
  reply.header("X-WP-Total", String(paging.total));
  reply.header("X-WP-TotalPages", String(totalPages));

  const links: string[] = [];
  if (paging.page > 1 && totalPages > 0) {
    links.push(`<${pageUrl(request, Math.min(paging.page - 1, totalPages))}>; rel="prev"`);
  }
  if (totalPages > paging.page) links.push(`<${pageUrl(request, paging.page + 1)}>; rel="next"`);
  if (links.length > 0) reply.header("Link", links.join(", "));
}

function pageUrl(request: FastifyRequest, page: number): string {
  const [path = "", query = ""] = request.url.split("?");
  const params = new URLSearchParams(query);
  params.set("page", String(page));
  return `${requestBaseUrl(request)}${path}?${params.toString()}`;
}
