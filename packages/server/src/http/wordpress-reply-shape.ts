import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { requestBaseUrl } from "./request-base-url.js";

/** WordPress's REST replies forbid caching; so do ours. */
const noCache = "no-cache, must-revalidate, max-age=0, no-store, private";
const allMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Gives `wc/v3` replies what WordPress adds to every REST reply: `Cache-Control`, the `Link` to
 * the API index, `targetHints` on each record's self link, `Location` for a created record, and
 * `X-WP-Total`/`X-WP-TotalPages` on lists that are sent whole.
 */
export function installWordPressReplyShape(app: FastifyInstance): void {
  app.addHook("preSerialization", (request, reply, payload: unknown, done) => {
    if (!request.url.startsWith("/wp-json/wc/")) return done(null, payload);
    const isProductWrite =
      request.method !== "GET" && /\/wc\/v3\/products(\/\d+|\/batch)?(\?|$)/.test(request.url);
    for (const record of recordsOf(payload)) {
      addTargetHints(record);
      if (isProductWrite) addEditContextFields(record);
    }
    if (Array.isArray(payload)) {
      const isSettings = request.url.includes("/wc/v3/settings");
      if (request.method === "GET" && !isSettings && !reply.hasHeader("x-wp-total")) {
        reply.header("X-WP-Total", String(payload.length));
        reply.header("X-WP-TotalPages", "1");
      }
    } else {
      const self = selfHref(payload);
      if (reply.statusCode === 201 && self !== undefined && !reply.hasHeader("location")) {
        reply.header("Location", self);
      }
    }
    done(null, payload);
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    if (request.url.startsWith("/wp-json/")) addWordPressHeaders(request, reply);
    done(null, payload);
  });
}

function addWordPressHeaders(request: FastifyRequest, reply: FastifyReply): void {
  // WordPress sends its no-cache headers to logged-in users only, and `Vary: Origin` on 401.
  if (reply.statusCode === 401) reply.header("Vary", "Origin");
  else if (!reply.hasHeader("cache-control")) reply.header("Cache-Control", noCache);
  reply.header("X-Content-Type-Options", "nosniff");
  // Paged lists keep their prev/next Link alone, as WordPress sends them.
  if (!reply.hasHeader("link")) {
    reply.header("Link", `<${requestBaseUrl(request)}/wp-json/>; rel="https://api.w.org/"`);
  }
}

function selfHref(record: unknown): string | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  const links = (record as { _links?: { self?: { href?: unknown }[] } })._links;
  const href = links?.self?.[0]?.href;
  return typeof href === "string" ? href : undefined;
}

/** Adds WordPress 6.7's `targetHints.allow` (the methods the record's route takes). */
function addTargetHints(record: unknown): void {
  const href = selfHref(record);
  if (href === undefined) return;
  const self = (record as { _links: { self: Record<string, unknown>[] } })._links.self[0];
  if (self === undefined || "targetHints" in self) return;
  const allow = href.includes("/refunds/")
    ? ["GET", "DELETE"]
    : href.includes("/settings/")
      ? ["GET", "POST", "PUT", "PATCH"]
      : allMethods;
  self["targetHints"] = { allow };
}

/** The records of a reply: the reply itself, a list's items, or a batch's created and updated. */
function recordsOf(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (typeof payload !== "object" || payload === null) return [];
  const batch = payload as Record<string, unknown>;
  const parts = ["create", "update", "delete"].map((key) => batch[key]);
  if (parts.some(Array.isArray))
    return parts.flatMap((part): unknown[] => (Array.isArray(part) ? (part as unknown[]) : []));
  return [payload];
}

/**
 * Adds what WordPress sends for a product in the `edit` context, which its writes answer in:
 * the permalink with `%pagename%` for the slug, and the slug WordPress would generate.
 */
function addEditContextFields(record: unknown): void {
  if (typeof record !== "object" || record === null) return;
  const product = record as Record<string, unknown>;
  const { permalink, slug } = product;
  if (
    typeof permalink !== "string" ||
    typeof slug !== "string" ||
    "permalink_template" in product
  ) {
    return;
  }
  if (product["type"] === "variation") return;
  product["permalink_template"] = permalink.replace(`/${slug}/`, "/%pagename%/");
  product["generated_slug"] = slug;
}
