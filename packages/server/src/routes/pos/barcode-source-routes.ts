import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { defaultBarcodeSource, formatBarcodeSource, type BarcodeSource } from "@pos/woo";
import type { AppContext } from "../../app-context.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError } from "../../http/woo-error.js";
import {
  barcodeSourceSetting,
  readBarcodeSource,
  writeBarcodeSource,
} from "../../catalog/barcode-setting.js";

const route = `/wp-json/pos/v1/settings/${barcodeSourceSetting}`;
const valueBody = z.object({ value: z.string({ error: "value must be a string" }) });

/**
 * Registers pos/v1/settings/pos_barcode_source, the setting that picks where products keep their
 * barcodes. Tills read it with `read_catalog`. Managers and administrators change it with
 * `edit_catalog`, and the change feed then carries every product whose barcode changed.
 */
export function registerBarcodeSourceRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;

  routes.get(route, { preHandler: requireCapability(context, "read_catalog", "view") }, async () =>
    barcodeSourceWire(await readBarcodeSource(db)),
  );

  for (const method of ["PUT", "PATCH", "POST"] as const) {
    routes.route({
      method,
      url: route,
      preHandler: requireCapability(context, "edit_catalog", "edit"),
      schema: { body: valueBody },
      handler: async (request) => {
        const change = await writeBarcodeSource(context.store, request.body.value).catch(
          (error: unknown) => {
            if (error instanceof RangeError) throw invalidParamError("value", error.message);
            throw error;
          },
        );
        request.log.info(
          {
            setting: barcodeSourceSetting,
            value: formatBarcodeSource(change.source),
            userId: request.user?.id,
            changedProducts: change.changedProducts,
            changedVariations: change.changedVariations,
          },
          "barcode source changed",
        );
        return {
          ...barcodeSourceWire(change.source),
          changed: { products: change.changedProducts, variations: change.changedVariations },
        };
      },
    });
  }
}

function barcodeSourceWire(source: BarcodeSource) {
  return {
    id: barcodeSourceSetting,
    label: "Barcode field",
    description:
      "Where products keep their barcodes: global_unique_id (GTIN, UPC, EAN or ISBN), sku, " +
      "or meta:<key> for a product meta key such as meta:_ean.",
    type: "text",
    default: formatBarcodeSource(defaultBarcodeSource),
    value: formatBarcodeSource(source),
  };
}
