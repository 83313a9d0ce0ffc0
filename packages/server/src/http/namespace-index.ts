import type { FastifyInstance } from "fastify";
import { requestBaseUrl } from "./request-base-url.js";

const methodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Serves `GET /wp-json/{namespace}`, WordPress's index of one REST namespace: the namespace
 * and a `routes` map from each route, written as WordPress writes it
 * (`/wc/v3/products/(?P<id>[^/]+)`), to its methods and self link. Like WordPress it needs no
 * login. Routes are read from the OpenAPI description, so a route hidden from it is left out,
 * and the per-method `args` that WordPress also lists are not sent.
 */
export function registerNamespaceIndex(app: FastifyInstance, namespace: string): void {
  const prefix = `/wp-json/${namespace}`;
  const serveIndex = (request: Parameters<typeof requestBaseUrl>[0]) => {
    const baseUrl = requestBaseUrl(request);
    const paths = (app.swagger() as { paths?: Record<string, Record<string, unknown>> }).paths;
    const routes: Record<string, unknown> = {
      [`/${namespace}`]: {
        namespace,
        methods: ["GET"],
        endpoints: [{ methods: ["GET"] }],
        _links: { self: [{ href: `${baseUrl}${prefix}` }] },
      },
    };
    for (const [path, operations] of Object.entries(paths ?? {})) {
      if (!path.startsWith(`${prefix}/`)) continue;
      const methods = Object.keys(operations)
        .map((method) => method.toUpperCase())
        .filter((method) => methodOrder.includes(method))
        .sort((a, b) => methodOrder.indexOf(a) - methodOrder.indexOf(b));
      const route = path.slice("/wp-json".length).replace(/\{(\w+)\}/g, "(?P<$1>[^/]+)");
      const hasParameters = route.includes("(?P<");
      routes[route] = {
        namespace,
        methods,
        endpoints: [{ methods }],
        ...(hasParameters ? {} : { _links: { self: [{ href: `${baseUrl}${path}` }] } }),
      };
    }
    return {
      namespace,
      routes,
      _links: { up: [{ href: `${baseUrl}/wp-json/` }] },
    };
  };
  app.get(prefix, { schema: { hide: true } }, serveIndex);
  app.get(`${prefix}/`, { schema: { hide: true } }, serveIndex);
}
