import type { ProductContext } from "./product-context.js";
import { parseProductDetails } from "./product-details.js";
import type { ProductDetails, ProductImage } from "./product-details.js";
import type { ProductRow } from "./product-store.js";
import { slugify } from "./slugify.js";
import { gmtToLocalDateString } from "../time/wp-date.js";

export interface WireContext {
  baseUrl: string;
  timeZone: string;
}

/** Builds the product as `wc/v3/products` sends it, field for field in WooCommerce 11's order. */
export function productWire(row: ProductRow, context: ProductContext, wire: WireContext) {
  const details = parseProductDetails(row.details);
  const local = (gmt: string | null) =>
    gmt === null ? null : gmtToLocalDateString(gmt, wire.timeZone);
  const managed = row.manage_stock === 1;
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    permalink: `${wire.baseUrl}/product/${row.slug}/`,
    date_created: local(row.date_created_gmt),
    date_created_gmt: row.date_created_gmt,
    date_modified: local(row.date_modified_gmt),
    date_modified_gmt: row.date_modified_gmt,
    type: row.type,
    status: row.status,
    featured: row.featured === 1,
    catalog_visibility: row.catalog_visibility,
    description: details.description,
    short_description: details.short_description,
    sku: row.sku,
    price: row.price,
    regular_price: row.regular_price,
    sale_price: row.sale_price,
    ...saleDates(details, local),
    // NOTE: a variable or grouped product's own prices decide; WooCommerce looks at its children.
    on_sale: row.sale_price !== "" && row.price === row.sale_price,
    purchasable: row.price !== "",
    total_sales: row.total_sales,
    virtual: details.virtual,
    downloadable: details.downloadable,
    downloads: details.downloads,
    download_limit: details.download_limit,
    download_expiry: details.download_expiry,
    external_url: details.external_url,
    button_text: details.button_text,
    tax_status: row.tax_status,
    tax_class: row.tax_class,
    manage_stock: managed,
    stock_quantity: managed ? row.stock_quantity : null,
    backorders: row.backorders,
    backorders_allowed: row.backorders !== "no",
    backordered: managed && (row.stock_quantity ?? 0) < 0 && row.backorders !== "no",
    low_stock_amount: details.low_stock_amount,
    sold_individually: details.sold_individually,
    weight: details.weight,
    dimensions: details.dimensions,
    shipping_required: !details.virtual,
    shipping_taxable: !details.virtual && row.tax_status === "taxable",
    shipping_class: details.shipping_class,
    shipping_class_id: 0,
    reviews_allowed: details.reviews_allowed,
    average_rating: "0.00",
    rating_count: 0,
    upsell_ids: details.upsell_ids,
    cross_sell_ids: details.cross_sell_ids,
    parent_id: row.parent_id,
    purchase_note: details.purchase_note,
    categories: context.categories(row.id).map(({ id, name, slug }) => ({ id, name, slug })),
    brands: [],
    tags: context.tags(row.id).map(({ id, name, slug }) => ({ id, name, slug })),
    images: details.images.map((image) => imageWire(image, row, local)),
    attributes: details.attributes.map((attribute) => ({
      id: attribute.id,
      name: attribute.name,
      slug: attributeSlug(attribute),
      position: attribute.position,
      visible: attribute.visible,
      variation: attribute.variation,
      options: attribute.options,
    })),
    default_attributes: details.default_attributes,
    variations: context.variationIds(row.id),
    grouped_products: details.grouped_products,
    menu_order: row.menu_order,
    price_html: "",
    related_ids: [],
    meta_data: details.meta_data,
    stock_status: row.stock_status,
    has_options: row.type === "variable",
    post_password: "",
    global_unique_id: row.global_unique_id,
    _links: {
      self: [{ href: `${wire.baseUrl}/wp-json/wc/v3/products/${row.id}` }],
      collection: [{ href: `${wire.baseUrl}/wp-json/wc/v3/products` }],
    },
  };
}

/** Builds the variation as `wc/v3/products/{id}/variations` sends it. */
export function variationWire(row: ProductRow, wire: WireContext) {
  const details = parseProductDetails(row.details);
  const local = (gmt: string | null) =>
    gmt === null ? null : gmtToLocalDateString(gmt, wire.timeZone);
  const managed = row.manage_stock === 1;
  const image = details.images[0];
  return {
    id: row.id,
    type: "variation",
    date_created: local(row.date_created_gmt),
    date_created_gmt: row.date_created_gmt,
    date_modified: local(row.date_modified_gmt),
    date_modified_gmt: row.date_modified_gmt,
    description: details.description,
    permalink: `${wire.baseUrl}/?p=${row.parent_id}&variation_id=${row.id}`,
    sku: row.sku,
    global_unique_id: row.global_unique_id,
    price: row.price,
    regular_price: row.regular_price,
    sale_price: row.sale_price,
    ...saleDates(details, local),
    on_sale: row.sale_price !== "" && row.price === row.sale_price,
    status: row.status,
    purchasable: row.price !== "",
    virtual: details.virtual,
    downloadable: details.downloadable,
    downloads: details.downloads,
    download_limit: details.download_limit,
    download_expiry: details.download_expiry,
    tax_status: row.tax_status,
    tax_class: row.tax_class,
    manage_stock: managed,
    stock_quantity: managed ? row.stock_quantity : null,
    stock_status: row.stock_status,
    backorders: row.backorders,
    backorders_allowed: row.backorders !== "no",
    backordered: managed && (row.stock_quantity ?? 0) < 0 && row.backorders !== "no",
    low_stock_amount: details.low_stock_amount,
    weight: details.weight,
    dimensions: details.dimensions,
    shipping_class: details.shipping_class,
    shipping_class_id: 0,
    image: image === undefined ? null : variationImageWire(image, row, local),
    gallery_image_ids: [],
    attributes: details.variation_attributes.map((attribute) => ({
      id: attribute.id,
      name: attribute.name,
      slug: attributeSlug(attribute),
      option: attribute.option,
    })),
    menu_order: row.menu_order,
    meta_data: details.meta_data,
    name: details.variation_attributes.map((attribute) => attribute.option).join(", "),
    parent_id: row.parent_id,
    _links: {
      self: [
        { href: `${wire.baseUrl}/wp-json/wc/v3/products/${row.parent_id}/variations/${row.id}` },
      ],
      collection: [{ href: `${wire.baseUrl}/wp-json/wc/v3/products/${row.parent_id}/variations` }],
      up: [{ href: `${wire.baseUrl}/wp-json/wc/v3/products/${row.parent_id}` }],
    },
  };
}

function saleDates(details: ProductDetails, local: (gmt: string | null) => string | null) {
  return {
    date_on_sale_from: local(details.date_on_sale_from_gmt),
    date_on_sale_from_gmt: details.date_on_sale_from_gmt,
    date_on_sale_to: local(details.date_on_sale_to_gmt),
    date_on_sale_to_gmt: details.date_on_sale_to_gmt,
  };
}

/** A variation's one image: as a product's, without the size fields WooCommerce leaves out. */
function variationImageWire(
  image: ProductImage,
  row: ProductRow,
  local: (gmt: string | null) => string | null,
) {
  const { srcset, sizes, thumbnail, ...rest } = imageWire(image, row, local);
  void srcset;
  void sizes;
  void thumbnail;
  return rest;
}

function imageWire(
  image: ProductImage,
  row: ProductRow,
  local: (gmt: string | null) => string | null,
) {
  return {
    id: image.id,
    date_created: local(row.date_created_gmt),
    date_created_gmt: row.date_created_gmt,
    date_modified: local(row.date_created_gmt),
    date_modified_gmt: row.date_created_gmt,
    src: image.src,
    name: image.name,
    alt: image.alt,
    // No media library makes resized copies: the one size is the original.
    srcset: "",
    sizes: "",
    thumbnail: image.src,
  };
}

/** Global attributes are `pa_<slug>`; local ones are the plain slug, as WooCommerce names them. */
function attributeSlug(attribute: { id: number; name: string }): string {
  return attribute.id > 0 ? `pa_${slugify(attribute.name)}` : slugify(attribute.name);
}
