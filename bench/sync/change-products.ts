import type { FastifyInstance } from "fastify";

export interface ProductChanges {
  startedAtMs: number;
  endedAtMs: number;
}

/**
 * Changes the regular price of each product through `wc/v3/products/batch`, 100 per request
 * (WooCommerce's batch limit), as a store manager's bulk edit would.
 */
export async function changeProducts(
  app: FastifyInstance,
  token: string,
  ids: readonly number[],
  newRegularPrice: string,
): Promise<ProductChanges> {
  const startedAtMs = Date.now();
  for (let start = 0; start < ids.length; start += 100) {
    const update = ids.slice(start, start + 100).map((id) => ({
      id,
      regular_price: newRegularPrice,
    }));
    const response = await app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/products/batch",
      headers: { authorization: `Bearer ${token}` },
      payload: { update },
    });
    if (response.statusCode !== 200) {
      throw new Error(`product batch update failed with ${response.statusCode}: ${response.body}`);
    }
  }
  return { startedAtMs, endedAtMs: Date.now() };
}
