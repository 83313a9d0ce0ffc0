import { formatMoney, parsePrecise, preciseToMoney } from "@pos/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import {
  couponDetailsSchema,
  couponWire,
  parseCouponDetails,
} from "../../coupons/coupon-records.js";
import type { CouponDetails, CouponRow } from "../../coupons/coupon-records.js";
import {
  deleteCoupon,
  findCouponRow,
  insertCoupon,
  updateCoupon,
} from "../../coupons/coupon-store.js";
import {
  assertValidCouponDetails,
  normalizeEmailRestrictions,
} from "../../coupons/coupon-rules.js";
import { writeTransaction } from "../../db/change-journal.js";
import { wpBoolean, wpInteger } from "../../orders/order-input.js";
import { containsIgnoringCase } from "../../db/like-pattern.js";
import { batchBody, runBatch } from "../../http/batch-items.js";
import { filterFields } from "../../http/fields-filter.js";
import { listQueryFields } from "../../http/list-query.js";
import { setPagingHeaders } from "../../http/paging.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError, WooError } from "../../http/woo-error.js";
import { readStoreSettings } from "../../store/store-settings.js";
import type { StoreSettings } from "../../store/store-settings.js";
import { parseRestDate, toGmtDateString } from "../../time/wp-date.js";

const decimalText = z.union([z.string(), z.number()]).transform((value) => String(value).trim());
const couponInput = z.object({
  code: z.string().trim().min(1).max(200).optional(),
  amount: decimalText.optional(),
  discount_type: z.enum(["percent", "fixed_cart", "fixed_product"]).optional(),
  description: z.string().optional(),
  date_expires: z.string().nullable().optional(),
  date_expires_gmt: z.string().nullable().optional(),
  individual_use: wpBoolean().optional(),
  product_ids: z.array(wpInteger()).optional(),
  excluded_product_ids: z.array(wpInteger()).optional(),
  usage_limit: wpInteger().pipe(z.number().min(0)).nullable().optional(),
  usage_limit_per_user: wpInteger().pipe(z.number().min(0)).nullable().optional(),
  limit_usage_to_x_items: wpInteger().pipe(z.number().min(0)).nullable().optional(),
  free_shipping: wpBoolean().optional(),
  product_categories: z.array(wpInteger()).optional(),
  excluded_product_categories: z.array(wpInteger()).optional(),
  exclude_sale_items: wpBoolean().optional(),
  minimum_amount: decimalText.optional(),
  maximum_amount: decimalText.optional(),
  email_restrictions: z.array(z.string()).optional(),
  meta_data: z.array(z.object({ key: z.string().min(1), value: z.unknown() })).optional(),
});
type CouponInput = z.infer<typeof couponInput>;

const couponListQuery = z.object({
  ...listQueryFields,
  orderby: z.enum(["date", "id", "include", "title", "slug", "modified"]).default("date"),
  code: z.string().optional(),
});
const idParams = z.object({ id: z.coerce.number().int().min(0) });

export function registerCouponRoutes(app: FastifyInstance, context: AppContext): void {
  registerCouponReadRoutes(app, context);
  registerCouponWriteRoutes(app, context);
}

/** Coupon list and single coupon. */
function registerCouponReadRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const notFound = () =>
    new WooError(404, "woocommerce_rest_shop_coupon_invalid_id", "Invalid ID.");
  const wire = async (row: CouponRow, baseUrl: string) =>
    couponWire(row, { baseUrl, timeZone: (await readStoreSettings(db)).timeZone });

  routes.get(
    "/wp-json/wc/v3/coupons",
    {
      preHandler: requireCapability(context, "read_catalog", "list"),
      schema: { querystring: couponListQuery },
    },
    async (request, reply) => {
      const query = request.query;
      let select = db.selectFrom("coupons");
      if (query.code) select = select.where("code", "=", query.code.toLowerCase());
      const search = query.search;
      if (search) select = select.where(() => containsIgnoringCase("code", search));
      const counted = await select.select((eb) => eb.fn.countAll().as("count")).executeTakeFirst();
      const column =
        query.orderby === "id"
          ? "id"
          : query.orderby === "title" || query.orderby === "slug"
            ? "code"
            : query.orderby === "modified"
              ? "date_modified_gmt"
              : "date_created_gmt";
      const rows = await select
        .selectAll()
        .orderBy(column, query.order)
        .orderBy("id", query.order)
        .offset(query.offset ?? (query.page - 1) * query.per_page)
        .limit(query.per_page)
        .execute();
      setPagingHeaders(request, reply, {
        total: Number(counted?.count ?? 0),
        page: query.page,
        perPage: query.per_page,
      });
      const baseUrl = requestBaseUrl(request);
      const result = [];
      for (const row of rows) result.push(filterFields(await wire(row, baseUrl), query._fields));
      return result;
    },
  );

  routes.get(
    "/wp-json/wc/v3/coupons/:id",
    {
      preHandler: requireCapability(context, "read_catalog", "view"),
      schema: { params: idParams },
    },
    async (request) => {
      const row = await findCouponRow(db, request.params.id);
      if (row === undefined) throw notFound();
      return wire(row, requestBaseUrl(request));
    },
  );
}

/** Coupon create, update and delete. */
function registerCouponWriteRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const notFound = () =>
    new WooError(404, "woocommerce_rest_shop_coupon_invalid_id", "Invalid ID.");
  const wire = async (row: CouponRow, baseUrl: string) =>
    couponWire(row, { baseUrl, timeZone: (await readStoreSettings(db)).timeZone });
  const createCoupon = async (input: CouponInput): Promise<number> => {
    if (input.code === undefined) {
      throw new WooError(400, "rest_missing_callback_param", "Missing parameter(s): code", {
        params: ["code"],
      });
    }
    const settings = await readStoreSettings(db);
    const details = applyCouponInput(couponDetailsSchema.parse({}), input, settings);
    const code = input.code.toLowerCase();
    return writeTransaction(db, (trx) =>
      insertCoupon(trx, code, details, toGmtDateString(context.now())),
    );
  };
  const updateCouponById = async (id: number, input: CouponInput): Promise<void> => {
    const settings = await readStoreSettings(db);
    await writeTransaction(db, async (trx) => {
      const row = await findCouponRow(trx, id);
      if (row === undefined) throw notFound();
      const details = applyCouponInput(parseCouponDetails(row.details), input, settings);
      const code = input.code?.toLowerCase() ?? row.code;
      await updateCoupon(trx, row.id, code, details, toGmtDateString(context.now()));
    });
  };

  // Batch items run one by one through the same steps as the single-coupon routes.
  routes.post(
    "/wp-json/wc/v3/coupons/batch",
    {
      preHandler: requireCapability(context, "edit_catalog", "batch"),
      schema: { body: batchBody },
    },
    (request) => {
      const baseUrl = requestBaseUrl(request);
      const reload = async (id: number) =>
        wire((await findCouponRow(db, id)) as CouponRow, baseUrl);
      return runBatch(
        request.body,
        {
          create: async (item) => reload(await createCoupon(couponInput.parse(item))),
          update: async (item) => {
            const { id, ...input } = couponInput.extend({ id: z.number().int() }).parse(item);
            await updateCouponById(id, input);
            return reload(id);
          },
          delete: async (item) => {
            const row = await findCouponRow(db, z.number().int().parse(item));
            if (row === undefined) throw notFound();
            const wired = await wire(row, baseUrl);
            await writeTransaction(db, (trx) => deleteCoupon(trx, row.id));
            return wired;
          },
        },
        (error, item) => request.log.error({ err: error, item }, "coupon batch item failed"),
      );
    },
  );

  routes.post(
    "/wp-json/wc/v3/coupons",
    {
      preHandler: requireCapability(context, "edit_catalog", "create"),
      schema: { body: couponInput },
    },
    async (request, reply) => {
      const id = await createCoupon(request.body);
      request.log.info({ couponId: id }, "coupon created");
      reply.status(201);
      return wire((await findCouponRow(db, id)) as CouponRow, requestBaseUrl(request));
    },
  );

  for (const method of ["PUT", "PATCH"] as const) {
    routes.route({
      method,
      url: "/wp-json/wc/v3/coupons/:id",
      preHandler: requireCapability(context, "edit_catalog", "edit"),
      schema: { params: idParams, body: couponInput },
      handler: async (request) => {
        await updateCouponById(request.params.id, request.body);
        return wire(
          (await findCouponRow(db, request.params.id)) as CouponRow,
          requestBaseUrl(request),
        );
      },
    });
  }

  routes.delete(
    "/wp-json/wc/v3/coupons/:id",
    {
      preHandler: requireCapability(context, "edit_catalog", "delete"),
      schema: { params: idParams },
    },
    async (request) => {
      const row = await findCouponRow(db, request.params.id);
      if (row === undefined) throw notFound();
      const wired = await wire(row, requestBaseUrl(request));
      await writeTransaction(db, (trx) => deleteCoupon(trx, row.id));
      return wired;
    },
  );
}

/** Applies the fields a body sets; amounts are formatted with the store's decimals ("10" → "10.00"). */
function applyCouponInput(
  details: CouponDetails,
  input: CouponInput,
  settings: StoreSettings,
): CouponDetails {
  const next: CouponDetails = { ...details };
  const amount = (text: string, param: string) => {
    try {
      return formatMoney(
        preciseToMoney(parsePrecise(text === "" ? "0" : text), settings.decimals),
        settings.decimals,
      );
    } catch {
      throw invalidParamError(
        param,
        `${param} must be a decimal amount such as "10.00", got "${text}".`,
      );
    }
  };
  if (input.amount !== undefined) next.amount = amount(input.amount, "amount");
  if (input.minimum_amount !== undefined)
    next.minimum_amount = amount(input.minimum_amount, "minimum_amount");
  if (input.maximum_amount !== undefined)
    next.maximum_amount = amount(input.maximum_amount, "maximum_amount");
  const expiry = input.date_expires_gmt ?? input.date_expires;
  if (expiry !== undefined) {
    const gmt =
      expiry === null || expiry === ""
        ? null
        : parseRestDate(expiry, input.date_expires_gmt !== undefined, settings.timeZone);
    if (gmt === null && expiry !== null && expiry !== "") {
      throw invalidParamError(
        "date_expires",
        `date_expires must be an ISO 8601 date such as 2027-01-03T23:59:59, got "${expiry}".`,
      );
    }
    next.date_expires_gmt = gmt;
  }
  for (const key of [
    "discount_type",
    "description",
    "individual_use",
    "product_ids",
    "excluded_product_ids",
    "usage_limit",
    "usage_limit_per_user",
    "limit_usage_to_x_items",
    "free_shipping",
    "product_categories",
    "excluded_product_categories",
    "exclude_sale_items",
  ] as const) {
    if (input[key] !== undefined) (next as Record<string, unknown>)[key] = input[key];
  }
  if (input.email_restrictions !== undefined)
    next.email_restrictions = normalizeEmailRestrictions(input.email_restrictions);
  if (input.meta_data)
    next.meta_data = input.meta_data.map((entry, index) => ({ id: index + 1, ...entry }));
  assertValidCouponDetails(next);
  return next;
}
