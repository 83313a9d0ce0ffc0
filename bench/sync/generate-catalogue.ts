import { gtinCheckDigit } from "@pos/core";
import { SeededRandom } from "./seeded-random.js";

export interface CatalogueSize {
  /** Products of every type, variable parents included. */
  products: number;
  /** Variations, spread over variable products at `variationsPerParent` each. */
  variations: number;
  customers: number;
}

export interface GeneratedCustomer {
  email: string;
  first_name: string;
  last_name: string;
  billing: Record<string, string>;
}

export interface GeneratedCatalogue {
  /** WooCommerce's product CSV (the exporter's columns): products, then variations. */
  productCsv: string;
  customers: GeneratedCustomer[];
  /** Barcodes and SKUs of the generated products, for lookups in the benchmark. */
  barcodes: string[];
  skus: string[];
}

export const variationsPerParent = 5;
const sizes = ["S", "M", "L", "XL", "XXL"] as const;

const brands = [
  "Northwind",
  "Alder & Pine",
  "Brightwell",
  "Cobalt",
  "Dunmore",
  "Everfield",
  "Fernhill",
  "Granite Peak",
  "Harbor Lane",
  "Ironwood",
  "Juniper",
  "Kestrel",
  "Larkspur",
  "Meridian",
  "Oakhurst",
  "Pemberton",
  "Quillon",
  "Redcliff",
  "Saltmarsh",
  "Thornbury",
];
const adjectives = [
  "Classic",
  "Organic",
  "Slim",
  "Heavy-Duty",
  "Compact",
  "Deluxe",
  "Everyday",
  "Vintage",
  "Waterproof",
  "Lightweight",
  "Premium",
  "Rustic",
  "Modern",
  "Travel",
  "Ergonomic",
  "Soft",
];
const materials = [
  "Cotton",
  "Linen",
  "Bamboo",
  "Ceramic",
  "Steel",
  "Oak",
  "Walnut",
  "Wool",
  "Leather",
  "Glass",
  "Copper",
  "Canvas",
  "Cork",
  "Silicone",
  "Merino",
  "Stoneware",
];
const catalogue: Record<string, readonly string[]> = {
  Clothing: ["T-Shirt", "Hoodie", "Socks", "Scarf", "Beanie", "Jacket"],
  Kitchen: ["Mug", "Skillet", "Cutting Board", "Teapot", "Knife Set", "Mixing Bowl"],
  Garden: ["Planter", "Trowel", "Watering Can", "Seed Tray", "Pruner", "Hose Reel"],
  Office: ["Notebook", "Desk Lamp", "Pen Holder", "Monitor Stand", "Stapler", "Folder"],
  Outdoors: ["Backpack", "Water Bottle", "Tent Peg Set", "Headlamp", "Camp Chair", "Tarp"],
  Home: ["Candle", "Throw Blanket", "Cushion", "Vase", "Picture Frame", "Doormat"],
  Toys: ["Puzzle", "Kite", "Building Blocks", "Yo-Yo", "Marble Run", "Plush Bear"],
  Bath: ["Towel", "Soap Dish", "Bath Mat", "Toothbrush Cup", "Shower Caddy", "Robe"],
};
const subcategories = ["Essentials", "Gifts", "Seasonal", "Clearance", "New In", "Bestsellers"];
const tags = ["eco", "handmade", "imported", "limited", "local", "gift-idea", "bulk", "sale"];
const firstNames = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Femi",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kira",
  "Liam",
  "Maya",
  "Noor",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sven",
  "Tara",
  "Umar",
  "Vera",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
];
const lastNames = [
  "Abbott",
  "Bauer",
  "Chen",
  "Dubois",
  "Evans",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ito",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Murphy",
  "Nakamura",
  "Okafor",
  "Patel",
  "Quinn",
  "Rossi",
  "Silva",
  "Tanaka",
  "Uddin",
  "Varga",
  "Walsh",
  "Yilmaz",
  "Zimmer",
];
const cities = ["Leeds", "Bristol", "Cardiff", "Glasgow", "York", "Bath", "Derby", "Exeter"];

const csvHeader = [
  "ID",
  "Type",
  "SKU",
  "GTIN, UPC, EAN, or ISBN",
  "Name",
  "Published",
  "Tax status",
  "In stock?",
  "Stock",
  "Sale price",
  "Regular price",
  "Categories",
  "Tags",
  "Parent",
  "Attribute 1 name",
  "Attribute 1 value(s)",
  "Attribute 1 visible",
  "Attribute 1 global",
];

/**
 * Generates a catalogue for benchmarks. The same seed and size give the same CSV and customers
 * byte for byte. Every barcode is a valid GTIN-13 and unique, every SKU unique; one product in
 * `products / (variations / 5)` is variable with five sizes.
 */
export function generateCatalogue(seed: number, size: CatalogueSize): GeneratedCatalogue {
  if (size.variations % variationsPerParent !== 0) {
    throw new RangeError(
      `variations must be a multiple of ${variationsPerParent}, got ${size.variations}`,
    );
  }
  const random = new SeededRandom(seed);
  const parents = size.variations / variationsPerParent;
  if (parents > size.products) {
    throw new RangeError(`${size.variations} variations need more than ${size.products} products`);
  }
  const codes = new CodeMaker(random);
  const lines = [csvHeader.map(csvCell).join(",")];
  const variationLines: string[] = [];
  const parentEvery = parents === 0 ? Infinity : Math.floor(size.products / parents);

  for (let index = 1; index <= size.products; index++) {
    const variable = index % parentEvery === 0 && index / parentEvery <= parents;
    const product = productRow(random, codes, index, variable);
    lines.push(product.line);
    if (variable) variationLines.push(...variationRows(random, codes, index, product));
  }
  lines.push(...variationLines);

  return {
    productCsv: `${lines.join("\n")}\n`,
    customers: generateCustomers(random, size.customers),
    barcodes: codes.barcodes,
    skus: codes.skus,
  };
}

class CodeMaker {
  readonly barcodes: string[] = [];
  readonly skus: string[] = [];
  private readonly companyPrefixes: string[];
  private serial = 0;

  constructor(random: SeededRandom) {
    // GS1 company prefixes 50xxxx (the UK range), one per brand; a six-digit serial follows,
    // so every code is unique whatever prefixes the seed draws.
    this.companyPrefixes = brands.map(() => `50${random.digits(4)}`);
  }

  next(brandIndex: number, skuStem: string): { sku: string; barcode: string } {
    this.serial++;
    const prefix = this.companyPrefixes[brandIndex] ?? "500000";
    const body = `${prefix}${String(this.serial).padStart(6, "0")}`;
    const barcode = `${body}${gtinCheckDigit(body)}`;
    const sku = `${skuStem}-${String(this.serial).padStart(6, "0")}`;
    this.barcodes.push(barcode);
    this.skus.push(sku);
    return { sku, barcode };
  }
}

function productRow(random: SeededRandom, codes: CodeMaker, index: number, variable: boolean) {
  const brandIndex = random.int(0, brands.length - 1);
  const category = random.pick(Object.keys(catalogue));
  const noun = random.pick(catalogue[category] ?? ["Item"]);
  const name = `${brands[brandIndex]} ${random.pick(adjectives)} ${random.pick(materials)} ${noun}`;
  const stem = `${category.slice(0, 3)}${noun.replace(/[^A-Za-z]/g, "").slice(0, 3)}`.toUpperCase();
  const { sku, barcode } = codes.next(brandIndex, stem);
  const price = `${random.int(1, 250)}.${random.pick(["00", "49", "95", "99"])}`;
  const onSale = random.next() < 0.1;
  const cells = [
    String(index),
    variable ? "variable" : "simple",
    sku,
    variable ? "" : barcode,
    name,
    "1",
    "taxable",
    "1",
    variable ? "" : String(random.int(0, 200)),
    onSale && !variable ? (Number(price) * 0.8).toFixed(2) : "",
    variable ? "" : price,
    `${category} > ${random.pick(subcategories)}`,
    random.next() < 0.3 ? random.pick(tags) : "",
    "",
    variable ? "Size" : "",
    variable ? sizes.join(", ") : "",
    variable ? "1" : "",
    variable ? "0" : "",
  ];
  return { line: cells.map(csvCell).join(","), price, name };
}

function variationRows(
  random: SeededRandom,
  codes: CodeMaker,
  parentIndex: number,
  parent: { name: string; price: string },
): string[] {
  return sizes.map((size) => {
    const { sku, barcode } = codes.next(random.int(0, brands.length - 1), `VAR${size}`);
    const cells = [
      "",
      "variation",
      sku,
      barcode,
      `${parent.name} - ${size}`,
      "1",
      "taxable",
      "1",
      String(random.int(0, 50)),
      "",
      parent.price,
      "",
      "",
      `id:${parentIndex}`,
      "Size",
      size,
      "",
      "0",
    ];
    return cells.map(csvCell).join(",");
  });
}

function generateCustomers(random: SeededRandom, count: number): GeneratedCustomer[] {
  const customers: GeneratedCustomer[] = [];
  for (let index = 1; index <= count; index++) {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const email = `${first}.${last}.${index}@example.com`.toLowerCase();
    customers.push({
      email,
      first_name: first,
      last_name: last,
      billing: {
        first_name: first,
        last_name: last,
        address_1: `${random.int(1, 250)} ${random.pick(lastNames)} Street`,
        city: random.pick(cities),
        postcode: `LS${random.int(1, 29)} ${random.int(1, 9)}AB`,
        country: "GB",
        email,
        phone: `07${random.digits(9)}`,
      },
    });
  }
  return customers;
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
