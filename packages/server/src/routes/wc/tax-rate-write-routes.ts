import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import {
  deleteTaxRate,
  formatTaxRatePercent,
  insertTaxRate,
  listTaxRateRows,
  taxRateRecord,
  taxRateWire,
  updateTaxRate,
} from "../../catalog/tax-rate-store.js";
import type { TaxRateWrite } from "../../catalog/tax-rate-store.js";
import { writeTransaction } from "../../db/change-journal.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError, WooError } from "../../http/woo-error.js";
import { slugify } from "../../catalog/slugify.js";
import { createTaxClass, deleteTaxClass, listTaxClasses } from "../../store/tax-classes.js";
import type { TaxClass } from "../../store/tax-classes.js";

const taxRateInput = z.object({
  country: z.string().max(2).optional(),
  state: z.string().max(200).optional(),
  postcode: z.string().optional(),
  city: z.string().optional(),
  postcodes: z.array(z.string()).optional(),
  cities: z.array(z.string()).optional(),
  rate: z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim())
    .pipe(z.string().regex(/^\d+(\.\d+)?$/, "rate must be a percentage such as 7.25"))
    .optional(),
  name: z.string().max(200).optional(),
  priority: z.number().int().min(0).optional(),
  compound: z.boolean().optional(),
  shipping: z.boolean().optional(),
  order: z.number().int().min(0).optional(),
  class: z.string().optional(),
});
type TaxRateInput = z.infer<typeof taxRateInput>;
const idParams = z.object({ id: z.coerce.number().int().min(0) });

/** Tax rate create, update and delete, and the tax class list. */
export function registerTaxRateWriteRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const notFound = () => new WooError(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");
  const findRate = async (id: number) => (await listTaxRateRows(db)).find((row) => row.id === id);
  const requireKnownTaxClass = async (slug: string, sent: string | undefined) => {
    if (sent === undefined) return;
    const classes = await listTaxClasses(db);
    if (classes.some((taxClass) => taxClass.slug === slug)) return;
    const slugs = classes.map((taxClass) => taxClass.slug).join(", ");
    throw invalidParamError(
      "class",
      `class is "${sent}", which is not a tax class. Use one of ${slugs}, or create it first.`,
    );
  };

  routes.post(
    "/wp-json/wc/v3/taxes",
    {
      preHandler: requireCapability(context, "edit_catalog", "create"),
      schema: { body: taxRateInput },
    },
    async (request, reply) => {
      const write = applyTaxRateInput(emptyTaxRate(), request.body);
      await requireKnownTaxClass(write.taxClass, request.body.class);
      const id = await writeTransaction(db, (trx) => insertTaxRate(trx, write));
      reply.status(201);
      return taxRateWire((await findRate(id))!, requestBaseUrl(request));
    },
  );

  for (const method of ["PUT", "PATCH"] as const) {
    routes.route({
      method,
      url: "/wp-json/wc/v3/taxes/:id",
      preHandler: requireCapability(context, "edit_catalog", "edit"),
      schema: { params: idParams, body: taxRateInput },
      handler: async (request) => {
        const row = await findRate(request.params.id);
        if (row === undefined) throw notFound();
        const write = applyTaxRateInput(storedTaxRate(row), request.body);
        await requireKnownTaxClass(write.taxClass, request.body.class);
        await writeTransaction(db, (trx) => updateTaxRate(trx, row.id, write));
        return taxRateWire((await findRate(row.id))!, requestBaseUrl(request));
      },
    });
  }

  routes.delete(
    "/wp-json/wc/v3/taxes/:id",
    {
      preHandler: requireCapability(context, "edit_catalog", "delete"),
      schema: { params: idParams, querystring: z.object({ force: z.string().optional() }) },
    },
    async (request) => {
      if (request.query.force !== "true" && request.query.force !== "1") {
        throw new WooError(
          501,
          "woocommerce_rest_trash_not_supported",
          "Taxes do not support trashing.",
        );
      }
      const row = await findRate(request.params.id);
      if (row === undefined) throw notFound();
      await writeTransaction(db, (trx) => deleteTaxRate(trx, row.id));
      return taxRateWire(row, requestBaseUrl(request));
    },
  );

  registerTaxClassRoutes(app, context);
}

/** Tax class list, create and delete, as WooCommerce's taxes/classes routes. */
function registerTaxClassRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const wire = (taxClass: TaxClass, baseUrl: string) => ({
    ...taxClass,
    _links: { collection: [{ href: `${baseUrl}/wp-json/wc/v3/taxes/classes` }] },
  });

  routes.get(
    "/wp-json/wc/v3/taxes/classes",
    { preHandler: requireCapability(context, "read_catalog", "list") },
    async (request) => {
      const baseUrl = requestBaseUrl(request);
      return (await listTaxClasses(db)).map((taxClass) => wire(taxClass, baseUrl));
    },
  );

  routes.post(
    "/wp-json/wc/v3/taxes/classes",
    {
      preHandler: requireCapability(context, "edit_catalog", "create"),
      schema: { body: z.object({ name: z.string().max(200) }) },
    },
    async (request, reply) => {
      const taxClass = await writeTransaction(db, (trx) => createTaxClass(trx, request.body.name));
      request.log.info({ taxClass: taxClass.slug }, "tax class created");
      reply.status(201);
      return wire(taxClass, requestBaseUrl(request));
    },
  );

  routes.delete(
    "/wp-json/wc/v3/taxes/classes/:slug",
    {
      preHandler: requireCapability(context, "edit_catalog", "delete"),
      schema: {
        params: z.object({ slug: z.string() }),
        querystring: z.object({ force: z.string().optional() }),
      },
    },
    async (request) => {
      if (request.query.force !== "true" && request.query.force !== "1") {
        throw new WooError(
          501,
          "woocommerce_rest_trash_not_supported",
          "Taxes do not support trashing.",
        );
      }
      const slug = slugify(request.params.slug);
      const taxClass = await writeTransaction(db, (trx) => deleteTaxClass(trx, slug));
      request.log.info({ taxClass: taxClass.slug }, "tax class deleted");
      return wire(taxClass, requestBaseUrl(request));
    },
  );
}

function emptyTaxRate(): TaxRateWrite {
  return {
    country: "",
    state: "",
    postcodes: [],
    cities: [],
    rate: "0.0000",
    name: "",
    priority: 1,
    compound: false,
    shipping: true,
    order: 0,
    taxClass: "standard",
  };
}

function storedTaxRate(row: Parameters<typeof taxRateRecord>[0]): TaxRateWrite {
  return { ...taxRateRecord(row) };
}

/** Applies the fields a body sets; `postcode` and `city` are `;`-separated lists as WooCommerce takes them. */
function applyTaxRateInput(write: TaxRateWrite, input: TaxRateInput): TaxRateWrite {
  const list = (text: string) =>
    text
      .split(";")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  const next = { ...write };
  if (input.country !== undefined) next.country = input.country.toUpperCase();
  if (input.state !== undefined) next.state = input.state.toUpperCase();
  if (input.postcode !== undefined) next.postcodes = list(input.postcode);
  if (input.postcodes !== undefined) next.postcodes = input.postcodes;
  if (input.city !== undefined) next.cities = list(input.city).map((city) => city.toUpperCase());
  if (input.cities !== undefined) next.cities = input.cities.map((city) => city.toUpperCase());
  if (input.rate !== undefined) next.rate = formatTaxRatePercent(input.rate);
  if (input.name !== undefined) next.name = input.name;
  if (input.priority !== undefined) next.priority = input.priority;
  if (input.compound !== undefined) next.compound = input.compound;
  if (input.shipping !== undefined) next.shipping = input.shipping;
  if (input.order !== undefined) next.order = input.order;
  if (input.class !== undefined) next.taxClass = input.class === "" ? "standard" : input.class;
  return next;
}
