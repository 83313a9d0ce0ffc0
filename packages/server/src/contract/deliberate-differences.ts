/**
 * Headers WordPress sends with every REST reply that this server leaves out: CORS lists for
 * browsers on other origins, the `Allow` list of the route, WordPress's no-cache trio, and the
 * `Link` to the API index (lists still send their paging `Link`).
 */
export const wordPressOnlyHeaders: ReadonlySet<string> = new Set([
  "access-control-allow-headers",
  "access-control-expose-headers",
  "allow",
  "expires",
  "x-robots-tag",
  "x-content-type-options",
]);

/** Transport headers the recorder dropped (see the fixtures' README) or nginx sent chunked. */
export const transportHeaders: ReadonlySet<string> = new Set([
  "date",
  "server",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "set-cookie",
]);

export interface DeliberateDifference {
  differences: string[];
  reason: string;
}

const imageIdType =
  "WooCommerce sends a line's image id as a string for some products (the stored meta) and as " +
  "a number for others; this server always sends the number.";
const draftOrders =
  "An order refused for its coupon leaves no checkout-draft order behind, so there is no " +
  "new_draft_order_id to name.";
const imageIdDifference = "body.line_items[].image.id: number where WooCommerce has string";

/**
 * Where a replayed fixture's reply differs from WooCommerce's on purpose, fixture by fixture;
 * docs/woocommerce-compatibility.md explains each reason. An entry ending in `*` covers every
 * difference that starts with the text before it.
 */
export const deliberateDifferences: Record<string, DeliberateDifference> = {
  "36-order-create-coupon-fee": { differences: [imageIdDifference], reason: imageIdType },
  "37-order-create-set-paid": { differences: [imageIdDifference], reason: imageIdType },
  "38-order-update-status": { differences: [imageIdDifference], reason: imageIdType },
  "39-order-single": { differences: [imageIdDifference], reason: imageIdType },
  "40-refund-create-default-api-refund": {
    differences: [
      "status 201 where WooCommerce has 500",
      "header location: not in WooCommerce",
      "body.*",
    ],
    reason:
      "Refunds are recorded only: no payment gateway is called, so api_refund=true cannot fail " +
      "and the refund is created.",
  },
  "41-refund-create-partial": { differences: [imageIdDifference], reason: imageIdType },
  "43-refunds-list": {
    differences: ["body[].line_items[].image.id: number where WooCommerce has string"],
    reason: imageIdType,
  },
  "44-order-after-refunds": { differences: [imageIdDifference], reason: imageIdType },
  "45-refund-too-large": {
    differences: [
      "status 400 where WooCommerce has 500",
      "body.data: object where WooCommerce has number",
    ],
    reason:
      "A refund above what remains is the client's error: 400, with data.reason saying how " +
      "much can still be refunded (WooCommerce: 500 and data 500).",
  },
  "46-order-create-invalid-coupon": {
    differences: ["body.data.new_draft_order_id: missing"],
    reason: draftOrders,
  },
  "47-order-create-expired-coupon": {
    differences: ["body.data.new_draft_order_id: missing"],
    reason: draftOrders,
  },
  "48-order-create-coupon-min-spend": {
    differences: ["body.data.new_draft_order_id: missing"],
    reason: draftOrders,
  },
  "49-order-tax-exclusive": { differences: [imageIdDifference], reason: imageIdType },
  "51-order-tax-inclusive": { differences: [imageIdDifference], reason: imageIdType },
  "52-order-create-over-stock": {
    differences: ["status 409 where WooCommerce has 201", "header location: missing", "body.*"],
    reason:
      "An order for more than the stock is refused with 409 " +
      "woocommerce_rest_product_partially_out_of_stock unless the product allows backorders.",
  },
  "55-orders-list": {
    differences: [
      "body[].line_items[].image.id: number where WooCommerce has string",
      "body[]._links.customer: not in WooCommerce",
    ],
    reason:
      imageIdType +
      " The list is one order shorter (52 was refused), so the newest orders pair up " +
      "differently: a customer's order sits where WooCommerce has a guest order.",
  },
  "57-settings-general": {
    differences: ["body[].options: missing"],
    reason:
      "woocommerce_default_country has no list of countries and states: any ISO code (US:CA) is " +
      "taken; the address and shipping country lists do not exist here.",
  },
  "58-system-status-trimmed": {
    differences: ["body._trimmed: missing"],
    reason: "`_trimmed` is the recorder's note, not part of WooCommerce's reply.",
  },
  "69-error-read-only-key-write": {
    differences: ["header cache-control: missing", "header vary: not in WooCommerce"],
    reason:
      "WordPress logs the read-only key in before refusing the write, so it sends its logged-in " +
      "no-cache headers; this server refuses the key first and answers as for any other 401.",
  },
  "77-order-create-coupon-usage-limit-per-user": {
    differences: ["body.data.new_draft_order_id: missing"],
    reason: draftOrders,
  },
  "79-wcpos-products-all-ids": {
    differences: ["status 404 where WooCommerce has 200", "header *", "body*"],
    reason: "wcpos/v1 belongs to the WCPOS plugin, not to WooCommerce; the till uses pos/v1.",
  },
  "80-wcpos-products-page": {
    differences: ["status 404 where WooCommerce has 200", "header *", "body*"],
    reason: "wcpos/v1 belongs to the WCPOS plugin, not to WooCommerce; the till uses pos/v1.",
  },
};

/**
 * Checks found differences against the expected ones: returns those not covered by an entry,
 * and the entries that covered nothing (a difference that went away must leave the list).
 */
export function uncoveredDifferences(
  found: readonly string[],
  expected: readonly string[],
): { unexpected: string[]; unused: string[] } {
  const covers = (entry: string, difference: string) =>
    entry.endsWith("*") ? difference.startsWith(entry.slice(0, -1)) : entry === difference;
  return {
    unexpected: found.filter((difference) => !expected.some((entry) => covers(entry, difference))),
    unused: expected.filter((entry) => !found.some((difference) => covers(entry, difference))),
  };
}
