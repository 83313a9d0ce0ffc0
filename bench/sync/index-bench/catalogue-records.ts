import type { Category, Product, Tag, Variation } from "@pos/core";
import { generateCatalogue, type CatalogueSize } from "../generate-catalogue.js";

export interface CatalogueRecords {
  products: Product[];
  variations: Variation[];
  categories: Category[];
  tags: Tag[];
}

/**
 * Turns the generator's product CSV into the records the till stores, with the fields the
 * server's importer would set, so the index benchmark needs no server.
 */
export function catalogueRecords(seed: number, size: CatalogueSize): CatalogueRecords {
  const rows = parseCsv(generateCatalogue(seed, size).productCsv).slice(1);
  const categoryIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  const products: Product[] = [];
  const variations: Variation[] = [];
  const idOf = (ids: Map<string, number>, name: string) => {
    const known = ids.get(name);
    if (known !== undefined) return known;
    ids.set(name, ids.size + 1);
    return ids.size;
  };

  for (const cells of rows) {
    const [id, type, sku, barcode, name, , , , stock, salePrice, regularPrice, category, tag] =
      cells;
    const parent = cells[13] ?? "";
    const attributeName = cells[14] ?? "";
    const attributeValue = cells[15] ?? "";
    const common = {
      status: "publish" as const,
      sku: sku ?? "",
      barcode: barcode ?? "",
      price: salePrice || regularPrice || "",
      regularPrice: regularPrice ?? "",
      salePrice: salePrice ?? "",
      onSale: Boolean(salePrice),
      taxStatus: "taxable" as const,
      taxClass: "",
      manageStock: stock !== "",
      stockQuantity: stock ? Number(stock) : null,
      stockStatus: "instock" as const,
      backorders: "no" as const,
      imageUrl: "",
      dateModifiedGmt: "2026-12-04T10:00:00",
    };
    if (type === "variation") {
      variations.push({
        ...common,
        id: 1_000_000 + variations.length,
        parentId: Number(parent.slice("id:".length)),
        attributes: [{ name: attributeName, option: attributeValue }],
      });
      continue;
    }
    products.push({
      ...common,
      id: Number(id),
      type: type === "variable" ? "variable" : "simple",
      name: name ?? "",
      featured: false,
      categoryIds: category ? [idOf(categoryIds, category)] : [],
      tagIds: tag ? [idOf(tagIds, tag)] : [],
      attributes: attributeName
        ? [{ name: attributeName, options: attributeValue.split(", "), variation: true }]
        : [],
      variationIds: [],
      groupedIds: [],
      totalSales: Number(id) % 97,
    });
  }

  const categories = [...categoryIds].map(([path, id]) => ({
    id,
    parentId: 0,
    name: path.split(" > ").at(-1) ?? path,
    slug: `category-${id}`,
    count: 0,
  }));
  const tags = [...tagIds].map(([name, id]) => ({ id, name, slug: name }));
  return { products, variations, categories, tags };
}

/** Splits the generator's CSV, whose cells are quoted only when they hold `"`, `,` or a newline. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  return rows;
}
