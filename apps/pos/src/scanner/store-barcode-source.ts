import { z } from "zod";
import { WooApiError, type WooClient } from "@pos/woo";

/** Our store server's barcode field setting; a plain WooCommerce store has no such route. */
const route = "pos/v1/settings/pos_barcode_source";

const settingSchema = z.object({ value: z.string() });

/** Reads the store's barcode source in its text form, such as `meta:_ean`. */
export async function fetchStoreBarcodeSource(
  client: WooClient,
  signal?: AbortSignal,
): Promise<string> {
  const response = await client.request({ route, schema: settingSchema, signal });
  return response.data.value;
}

/**
 * Changes the store's barcode source for every till; the server accepts it from managers and
 * administrators only. Returns the value the server stored. A rejection is raised with the
 * server's reason (the invalid value and the accepted forms) or the role it requires.
 */
export async function changeStoreBarcodeSource(client: WooClient, text: string): Promise<string> {
  try {
    const response = await client.request({
      method: "PUT",
      route,
      body: { value: text },
      schema: settingSchema,
    });
    return response.data.value;
  } catch (error) {
    throw rejectionOf(error);
  }
}

function rejectionOf(error: unknown): unknown {
  if (!(error instanceof WooApiError)) return error;
  if (error.status === 401 || error.status === 403) {
    return new Error(
      "the store rejected the change: only a manager or administrator can change the barcode field",
    );
  }
  const params = error.data?.["params"] as Record<string, unknown> | undefined;
  const reason = params?.["value"];
  return typeof reason === "string" ? new RangeError(reason) : error;
}
