import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.js";
import { readSettingValues } from "../../store/store-settings.js";
import { requestBaseUrl } from "../../http/request-base-url.js";

/**
 * Serves `GET /wp-json/`, WordPress's REST index, with the fields a WooCommerce client reads
 * from it: the site name, address, time zone and namespaces. Like WordPress it needs no login.
 * `gmt_offset` is left out rather than computed, so a reader falls back to `timezone_string`.
 * The till reads it when it connects with a consumer key, as it does on a real WooCommerce.
 * The `routes` map that WordPress also sends is left out.
 */
export function registerSiteIndexRoute(app: FastifyInstance, context: AppContext): void {
  const serveIndex = async (request: Parameters<typeof requestBaseUrl>[0]) => {
    const values = await readSettingValues(context.store.db);
    const url = requestBaseUrl(request);
    return {
      name: values["blogname"] ?? "",
      description: "",
      url,
      home: url,
      timezone_string: values["timezone_string"] ?? "UTC",
      namespaces: ["wc/v3", "pos/v1", "wp/v2"],
    };
  };
  app.get("/wp-json", { schema: { hide: true } }, serveIndex);
  app.get("/wp-json/", { schema: { hide: true } }, serveIndex);
}
