import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import {
  customerWire,
  parseStoredAddress,
  wooAddressPatchSchema,
  wooAddressSchema,
} from "../../customers/customer-records.js";
import type { CustomerRow } from "../../customers/customer-records.js";
import {
  deleteCustomer,
  findCustomerRow,
  insertCustomer,
  updateCustomer,
} from "../../customers/customer-store.js";
import type { CustomerWrite } from "../../customers/customer-store.js";
import { isRole, roleHasCapability } from "../../auth/capabilities.js";
import { writeTransaction } from "../../db/change-journal.js";
import { batchBody, runBatch, type BatchHandlers } from "../../http/batch-items.js";
import { containsIgnoringCase } from "../../db/like-pattern.js";
import { filterFields } from "../../http/fields-filter.js";
import { listQueryFields, parseIdList } from "../../http/list-query.js";
import { setPagingHeaders } from "../../http/paging.js";
import { requestBaseUrl } from "../../http/request-base-url.js";
import { requireCapability } from "../../http/require-capability.js";
import { invalidParamError, WooError } from "../../http/woo-error.js";
import { readStoreSettings } from "../../store/store-settings.js";
import { toGmtDateString } from "../../time/wp-date.js";

const customerListQuery = z.object({
  ...listQueryFields,
  order: z.enum(["asc", "desc"], { error: "order is not one of asc and desc." }).default("asc"),
  orderby: z.enum(["id", "include", "name", "registered_date"]).default("name"),
  email: z.string().optional(),
  role: z.string().default("customer"),
});

const metaInput = z.array(z.object({ key: z.string(), value: z.unknown() }));
const customerBody = z.object({
  email: z.email({ error: "email is not a valid email address." }).max(200),
  first_name: z.string().max(200).default(""),
  last_name: z.string().max(200).default(""),
  username: z.string().max(60).optional(),
  password: z.string().max(200).optional(),
  billing: wooAddressSchema.partial().default({}),
  shipping: wooAddressSchema.partial().default({}),
  meta_data: metaInput.default([]),
});
const customerPatch = customerBody.omit({ billing: true, shipping: true }).partial().extend({
  billing: wooAddressPatchSchema.optional(),
  shipping: wooAddressPatchSchema.optional(),
});
const idParams = z.object({ id: z.coerce.number().int().min(0) });

export function registerCustomerRoutes(app: FastifyInstance, context: AppContext): void {
  registerCustomerReadRoutes(app, context);
  registerCustomerWriteRoutes(app, context);
  registerCustomerBatchRoute(app, context);
}

/** Customer list and single customer. */
function registerCustomerReadRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const notFound = () => new WooError(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");

  routes.get(
    "/wp-json/wc/v3/customers",
    {
      preHandler: requireCapability(context, "read_customers", "list"),
      schema: { querystring: customerListQuery },
    },
    async (request, reply) => {
      const query = request.query;
      const include = parseIdList(query.include);
      if (include === null)
        throw invalidParamError("include", "include[0] is not of type integer.");
      let select = db.selectFrom("customers");
      if (query.role !== "all") select = select.where("role", "=", query.role);
      if (query.email) {
        const email = query.email.toLowerCase();
        select = select.where((eb) => eb(eb.fn("lower", ["email"]), "=", email));
      }
      if (include.length > 0) select = select.where("id", "in", include);
      if (query.search) {
        const search = query.search;
        select = select.where(() => containsIgnoringCase("search_text", search));
      }
      const counted = await select.select((eb) => eb.fn.countAll().as("count")).executeTakeFirst();
      const total = Number(counted?.count ?? 0);
      const column =
        query.orderby === "name"
          ? "first_name"
          : query.orderby === "registered_date"
            ? "date_created_gmt"
            : "id";
      const offset = query.offset ?? (query.page - 1) * query.per_page;
      const rows = await select
        .selectAll()
        .orderBy(column, query.order)
        .orderBy("id", query.order)
        .offset(offset)
        .limit(query.per_page)
        .execute();
      setPagingHeaders(request, reply, { total, page: query.page, perPage: query.per_page });
      const { timeZone } = await readStoreSettings(db);
      const baseUrl = requestBaseUrl(request);
      return rows.map((row) => filterFields(customerWire(row, baseUrl, timeZone), query._fields));
    },
  );

  routes.get(
    "/wp-json/wc/v3/customers/:id",
    {
      preHandler: requireCapability(context, "read_customers", "view"),
      schema: { params: idParams },
    },
    async (request) => {
      const row = await findCustomerRow(db, request.params.id);
      if (row === undefined) throw notFound();
      const { timeZone } = await readStoreSettings(db);
      return customerWire(row, requestBaseUrl(request), timeZone);
    },
  );
}

/** Customer create, update and delete. */
function registerCustomerWriteRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const notFound = () => new WooError(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");

  routes.post(
    "/wp-json/wc/v3/customers",
    {
      preHandler: requireCapability(context, "edit_customers", "create"),
      schema: { body: customerBody },
    },
    async (request, reply) => {
      const body = request.body;
      const write: CustomerWrite = {
        email: body.email,
        username: body.username ?? "",
        firstName: body.first_name,
        lastName: body.last_name,
        billing: wooAddressSchema.parse(body.billing),
        shipping: wooAddressSchema.parse({ ...body.shipping, email: "" }),
        metaData: body.meta_data,
      };
      const nowGmt = toGmtDateString(context.now());
      const id = await insertWithFreeUsername(db, write, nowGmt);
      request.log.info({ customerId: id }, "customer created");
      const row = (await findCustomerRow(db, id)) as CustomerRow;
      const { timeZone } = await readStoreSettings(db);
      const baseUrl = requestBaseUrl(request);
      reply.status(201).header("Location", `${baseUrl}/wp-json/wc/v3/customers/${id}`);
      return customerWire(row, baseUrl, timeZone);
    },
  );

  routes.put(
    "/wp-json/wc/v3/customers/:id",
    {
      preHandler: requireCapability(context, "edit_customers", "edit"),
      schema: { params: idParams, body: customerPatch },
    },
    async (request) => {
      const nowGmt = toGmtDateString(context.now());
      const id = request.params.id;
      await writeTransaction(db, async (trx) => {
        const row = await findCustomerRow(trx, id);
        if (row === undefined) throw notFound();
        await updateCustomer(trx, id, mergeCustomer(row, request.body), nowGmt);
      });
      const row = (await findCustomerRow(db, id)) as CustomerRow;
      const { timeZone } = await readStoreSettings(db);
      return customerWire(row, requestBaseUrl(request), timeZone);
    },
  );

  routes.delete(
    "/wp-json/wc/v3/customers/:id",
    {
      preHandler: requireCapability(context, "delete_customers", "delete"),
      schema: { params: idParams, querystring: z.object({ force: z.string().optional() }) },
    },
    async (request) => {
      if (request.query.force !== "true" && request.query.force !== "1") {
        throw new WooError(
          501,
          "woocommerce_rest_trash_not_supported",
          "Customers do not support trashing.",
        );
      }
      const row = await findCustomerRow(db, request.params.id);
      if (row === undefined) throw notFound();
      await writeTransaction(db, (trx) => deleteCustomer(trx, row.id));
      const { timeZone } = await readStoreSettings(db);
      return customerWire(row, requestBaseUrl(request), timeZone);
    },
  );
}

/**
 * `customers/batch`: at most 100 items in all, each created, updated or deleted on its own as
 * the single-customer routes do. Deletions are for good, since customers cannot be trashed.
 */
function registerCustomerBatchRoute(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = context.store.db;
  const notFound = () => new WooError(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");

  routes.post(
    "/wp-json/wc/v3/customers/batch",
    {
      preHandler: requireCapability(context, "edit_customers", "batch"),
      schema: { body: batchBody },
    },
    async (request) => {
      const { timeZone } = await readStoreSettings(db);
      const baseUrl = requestBaseUrl(request);
      const wire = (row: CustomerRow) => customerWire(row, baseUrl, timeZone);
      const reload = async (id: number) => wire((await findCustomerRow(db, id)) as CustomerRow);
      const nowGmt = () => toGmtDateString(context.now());

      const handlers: BatchHandlers = {
        create: async (item) => {
          const id = await insertWithFreeUsername(
            db,
            customerWrite(customerBody.parse(item)),
            nowGmt(),
          );
          request.log.info({ customerId: id }, "customer created in a batch");
          return reload(id);
        },
        update: async (item) => {
          const { id, ...patch } = customerPatch.extend({ id: z.number().int() }).parse(item);
          await writeTransaction(db, async (trx) => {
            const row = await findCustomerRow(trx, id);
            if (row === undefined) throw notFound();
            await updateCustomer(trx, id, mergeCustomer(row, patch), nowGmt());
          });
          return reload(id);
        },
        delete: async (item) => {
          // The route needs edit_customers only, so each deletion checks delete_customers.
          const role = request.user?.role ?? "";
          if (!isRole(role) || !roleHasCapability(role, "delete_customers")) {
            throw new WooError(
              403,
              "woocommerce_rest_cannot_delete",
              "Sorry, you are not allowed to delete this resource.",
            );
          }
          const row = await findCustomerRow(db, z.number().int().parse(item));
          if (row === undefined) throw notFound();
          await writeTransaction(db, (trx) => deleteCustomer(trx, row.id));
          return wire(row);
        },
      };
      return runBatch(request.body, handlers, (error, item) =>
        request.log.error({ err: error, item }, "customer batch item failed"),
      );
    },
  );
}

/** Turns a create body into the stored form; an empty username is derived when inserted. */
function customerWrite(body: z.infer<typeof customerBody>): CustomerWrite {
  return {
    email: body.email,
    username: body.username ?? "",
    firstName: body.first_name,
    lastName: body.last_name,
    billing: wooAddressSchema.parse(body.billing),
    shipping: wooAddressSchema.parse({ ...body.shipping, email: "" }),
    metaData: body.meta_data,
  };
}

function mergeCustomer(row: CustomerRow, patch: z.infer<typeof customerPatch>): CustomerWrite {
  return {
    email: patch.email ?? row.email,
    username: row.username,
    firstName: patch.first_name ?? row.first_name,
    lastName: patch.last_name ?? row.last_name,
    billing: wooAddressSchema.parse({ ...parseStoredAddress(row.billing), ...patch.billing }),
    shipping: wooAddressSchema.parse({ ...parseStoredAddress(row.shipping), ...patch.shipping }),
    metaData: patch.meta_data ?? (JSON.parse(row.meta_data) as CustomerWrite["metaData"]),
  };
}

/** Attempts to insert a customer whose username is derived, before giving up on clashes. */
const derivedUsernameAttempts = 5;

/**
 * Inserts a customer. Without a username sent, one is derived from the email inside the
 * transaction. A concurrent request can take the same derived name first, so a username clash
 * is retried with a fresh name; the retry then reports a duplicate email when that was the cause.
 */
async function insertWithFreeUsername(
  db: AppContext["store"]["db"],
  write: CustomerWrite,
  nowGmt: string,
): Promise<number> {
  if (write.username !== "") {
    return writeTransaction(db, (trx) => insertCustomer(trx, write, nowGmt));
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeTransaction(db, async (trx) =>
        insertCustomer(trx, { ...write, username: await freeUsername(trx, write.email) }, nowGmt),
      );
    } catch (error) {
      const usernameClash =
        error instanceof WooError && error.code === "registration-error-username-exists";
      if (!usernameClash || attempt >= derivedUsernameAttempts) throw error;
    }
  }
}

/**
 * Derives a username from an email's local part, adding a number when it is taken. Usernames
 * compare without regard to case, as the unique index on `lower(username)` does.
 */
async function freeUsername(db: AppContext["store"]["db"], email: string): Promise<string> {
  const base = email.split("@")[0] || email;
  const lowerBase = base.toLowerCase();
  const taken = await db
    .selectFrom("customers")
    .select("username")
    .where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["username"]), "=", lowerBase),
        eb(eb.fn("lower", ["username"]), "like", `${lowerBase}-%`),
      ]),
    )
    .execute();
  const names = new Set(taken.map((row) => row.username.toLowerCase()));
  let candidate = base;
  for (let suffix = 2; names.has(candidate.toLowerCase()); suffix += 1) {
    candidate = `${base}-${suffix}`;
  }
  return candidate;
}
