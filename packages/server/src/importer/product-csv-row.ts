import { formatDecimalPrice } from "../catalog/product-pricing.js";
import { parseCsvBoolean, splitCsvList } from "./csv-list.js";

/** One row of WooCommerce's product CSV, checked and typed. */
export interface ProductCsvRow {
  line: number;
  originalId: number | null;
  type: "simple" | "variable" | "grouped" | "external" | "variation";
  downloadable: boolean;
  virtual: boolean;
  sku: string;
  globalUniqueId: string;
  name: string;
  published: string;
  featured: boolean;
  catalogVisibility: string;
  shortDescription: string;
  description: string;
  dateOnSaleFrom: string | null;
  dateOnSaleTo: string | null;
  taxStatus: string;
  taxClass: string;
  stockStatus: string;
  stockQuantity: number | null;
  backorders: string;
  soldIndividually: boolean;
  weight: string;
  dimensions: { length: string; width: string; height: string };
  reviewsAllowed: boolean;
  purchaseNote: string;
  salePrice: string;
  regularPrice: string;
  categoryPaths: string[];
  tags: string[];
  shippingClass: string;
  imageUrls: string[];
  downloadLimit: number;
  downloadExpiry: number;
  parentRef: string;
  groupedRefs: string[];
  upsellRefs: string[];
  crossSellRefs: string[];
  externalUrl: string;
  buttonText: string;
  position: number;
  attributes: CsvAttribute[];
  meta: { key: string; value: string }[];
  downloads: { name: string; url: string }[];
}

export interface CsvAttribute {
  name: string;
  values: string[];
  visible: boolean;
  global: boolean;
}

const productTypes = new Set(["simple", "variable", "grouped", "external", "variation"]);

/** Parses one CSV record (header → cell); throws an Error that names the bad cell. */
export function parseProductCsvRow(record: Record<string, string>, line: number): ProductCsvRow {
  const cell = cellReader(record);
  const typeParts = splitCsvList(cell("Type")).map((part) => part.toLowerCase());
  const type = typeParts.find((part) => productTypes.has(part)) ?? "simple";
  const unknownType = typeParts.find(
    (part) => !productTypes.has(part) && part !== "downloadable" && part !== "virtual",
  );
  if (unknownType !== undefined) {
    throw new Error(`line ${line}: unknown product type "${unknownType}" in column Type`);
  }
  const stockCell = cell("Stock").trim();
  const stockQuantity = stockCell === "" ? null : parseInteger(stockCell, "Stock", line);

  return {
    line,
    originalId: cell("ID").trim() === "" ? null : parseInteger(cell("ID"), "ID", line),
    type: type as ProductCsvRow["type"],
    downloadable: typeParts.includes("downloadable"),
    virtual: typeParts.includes("virtual"),
    sku: cell("SKU").trim(),
    globalUniqueId: cell("GTIN, UPC, EAN, or ISBN").trim(),
    name: cell("Name").trim(),
    published: cell("Published").trim() || "1",
    featured: parseCsvBoolean(cell("Is featured?")),
    catalogVisibility: cell("Visibility in catalog").trim() || "visible",
    shortDescription: cell("Short description"),
    description: cell("Description"),
    dateOnSaleFrom: optionalDate(cell("Date sale price starts")),
    dateOnSaleTo: optionalDate(cell("Date sale price ends")),
    taxStatus: cell("Tax status").trim() || "taxable",
    taxClass: cell("Tax class").trim(),
    stockStatus: parseStockStatus(cell("In stock?")),
    stockQuantity,
    backorders: parseBackorders(cell("Backorders allowed?")),
    soldIndividually: parseCsvBoolean(cell("Sold individually?")),
    weight: decimalCell(cell("Weight"), "Weight", line),
    dimensions: {
      length: decimalCell(cell("Length"), "Length", line),
      width: decimalCell(cell("Width"), "Width", line),
      height: decimalCell(cell("Height"), "Height", line),
    },
    reviewsAllowed:
      cell("Allow customer reviews?").trim() === "" ||
      parseCsvBoolean(cell("Allow customer reviews?")),
    purchaseNote: cell("Purchase note"),
    salePrice: decimalCell(cell("Sale price"), "Sale price", line),
    regularPrice: decimalCell(cell("Regular price"), "Regular price", line),
    categoryPaths: splitCsvList(cell("Categories")),
    tags: splitCsvList(cell("Tags")),
    shippingClass: cell("Shipping class").trim(),
    imageUrls: splitCsvList(cell("Images")),
    downloadLimit: optionalInteger(cell("Download limit"), "Download limit", line),
    downloadExpiry: optionalInteger(cell("Download expiry days"), "Download expiry days", line),
    parentRef: cell("Parent").trim(),
    groupedRefs: splitCsvList(cell("Grouped products")),
    upsellRefs: splitCsvList(cell("Upsells")),
    crossSellRefs: splitCsvList(cell("Cross-sells")),
    externalUrl: cell("External URL").trim(),
    buttonText: cell("Button text").trim(),
    position: optionalInteger(cell("Position"), "Position", line, 0),
    attributes: readAttributes(record),
    meta: readMeta(record),
    downloads: readDownloads(record),
  };
}

/** Looks a column up by its name, ignoring a unit suffix such as "Weight (lbs)". */
function cellReader(record: Record<string, string>): (name: string) => string {
  const byName = new Map<string, string>();
  for (const [header, value] of Object.entries(record)) {
    const name = header.replace(/^\uFEFF/, "").trim();
    byName.set(name, value);
    const withoutUnit = name.replace(/\s*\([^)]*\)$/, "");
    if (!byName.has(withoutUnit)) byName.set(withoutUnit, value);
  }
  return (name) => byName.get(name) ?? "";
}

function parseInteger(text: string, column: string, line: number): number {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) {
    throw new Error(`line ${line}: column ${column} must be a whole number, got "${trimmed}"`);
  }
  return Number.parseInt(trimmed, 10);
}

function optionalInteger(text: string, column: string, line: number, fallback = -1): number {
  return text.trim() === "" ? fallback : parseInteger(text, column, line);
}

function decimalCell(text: string, column: string, line: number): string {
  const value = formatDecimalPrice(text);
  if (value === null) {
    throw new Error(`line ${line}: column ${column} must be a decimal number, got "${text}"`);
  }
  return value;
}

function optionalDate(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed.replace(" ", "T").slice(0, 19);
}

function parseStockStatus(text: string): string {
  const value = text.trim().toLowerCase();
  if (value === "backorder" || value === "onbackorder") return "onbackorder";
  if (value === "0" || value === "no" || value === "false") return "outofstock";
  return "instock";
}

function parseBackorders(text: string): string {
  const value = text.trim().toLowerCase();
  if (value === "notify") return "notify";
  return parseCsvBoolean(value) ? "yes" : "no";
}

function readAttributes(record: Record<string, string>): CsvAttribute[] {
  const attributes: CsvAttribute[] = [];
  for (let index = 1; `Attribute ${index} name` in record; index += 1) {
    const name = (record[`Attribute ${index} name`] ?? "").trim();
    if (name === "") continue;
    attributes.push({
      name,
      values: splitCsvList(record[`Attribute ${index} value(s)`]),
      visible: parseCsvBoolean(record[`Attribute ${index} visible`] ?? "1"),
      global: parseCsvBoolean(record[`Attribute ${index} global`]),
    });
  }
  return attributes;
}

function readMeta(record: Record<string, string>): { key: string; value: string }[] {
  return Object.entries(record)
    .filter(([header, value]) => header.startsWith("Meta: ") && value !== "")
    .map(([header, value]) => ({ key: header.slice("Meta: ".length), value }));
}

function readDownloads(record: Record<string, string>): { name: string; url: string }[] {
  const downloads: { name: string; url: string }[] = [];
  for (let index = 1; `Download ${index} URL` in record; index += 1) {
    const url = (record[`Download ${index} URL`] ?? "").trim();
    if (url === "") continue;
    downloads.push({ name: (record[`Download ${index} name`] ?? "").trim(), url });
  }
  return downloads;
}
