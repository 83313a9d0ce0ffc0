import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../app-context.js";
import { wooAddressSchema } from "../customers/customer-records.js";
import { writeTransaction } from "../db/change-journal.js";
import { requestBaseUrl } from "../http/request-base-url.js";
import { requireCapability } from "../http/require-capability.js";
import { WooError, invalidParamError } from "../http/woo-error.js";
import { parseStoredOrder } from "../orders/stored-order.js";
import { lockOrder, orderNotFound } from "../orders/update-order.js";
import { findOrderRow, sendOrder } from "../routes/wc/orders-routes.js";
import { readStoreSettings } from "../store/store-settings.js";
import { toGmtDateString } from "../time/wp-date.js";
import { defaultEmailTemplate, emailTemplatesFor } from "./email-templates.js";
import type { EmailTemplate } from "./email-templates.js";
import { buildReceiptEmail } from "./receipt-email.js";

const idParams = z.object({ id: z.coerce.number().int().min(0) });

/** The body of `POST wc/v3/orders/{id}/actions/send_email` (WooCommerce 9.8+). */
const sendEmailBody = z
  .object({
    template_id: z.string().min(1).max(100).optional(),
    email: z.string().trim().max(320).optional(),
    force_email_update: z.boolean().default(false),
  })
  .default({ force_email_update: false });

/** Email actions on orders: the templates that fit an order, and sending one to the customer. */
export function registerOrderEmailRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/wp-json/wc/v3/orders/:id/actions/email_templates",
    {
      preHandler: requireCapability(context, "read_orders", "view"),
      schema: { params: idParams },
    },
    async (request) => {
      const row = await findOrderRow(context, request.params.id);
      if (row === undefined || row.status === "trash") throw orderNotFound();
      const wired = await sendOrder(context, row, requestBaseUrl(request));
      return emailTemplatesFor({ status: row.status, refundCount: wired.refunds.length });
    },
  );

  routes.post(
    "/wp-json/wc/v3/orders/:id/actions/send_email",
    {
      preHandler: requireCapability(context, "create_orders", "create"),
      schema: { params: idParams, body: sendEmailBody },
    },
    async (request) => {
      const id = request.params.id;
      const body = request.body;
      const row = await findOrderRow(context, id);
      if (row === undefined || row.status === "trash") throw orderNotFound();
      const wired = await sendOrder(context, row, requestBaseUrl(request));
      const template = pickTemplate(body.template_id, row.status, wired.refunds.length);
      const recipient = pickRecipient(wired.billing.email, body.email, body.force_email_update);
      const mailer = context.mailer;
      if (mailer === null) {
        throw new WooError(
          503,
          "pos_email_not_configured",
          "Email is not set up on this store server: start it with SMTP_URL set to the mail " +
            "server (for example smtp://127.0.0.1:2525) and try again.",
        );
      }

      const settings = await readStoreSettings(context.store.db);
      const message = buildReceiptEmail(wired, settings, template, recipient);
      try {
        await mailer.send(message);
      } catch (error) {
        request.log.error({ err: error, orderId: id, template: template.id }, "email failed");
        throw new WooError(
          502,
          "pos_email_failed",
          `Sending "${template.title}" for order #${id} to ${recipient} failed: ` +
            `${error instanceof Error ? error.message : String(error)}. Check SMTP_URL and ` +
            `that the mail server is running, then try again.`,
        );
      }
      const updated = recipient !== wired.billing.email;
      if (updated) await saveBillingEmail(context, id, recipient);
      request.log.info({ orderId: id, template: template.id, updated }, "order email sent");

      const prefix = updated ? `Billing email updated to ${recipient}. ` : "";
      return {
        message: `${prefix}Email template "${template.title}" sent to ${recipient}, via REST API.`,
      };
    },
  );
}

function pickTemplate(
  requested: string | undefined,
  status: string,
  refundCount: number,
): EmailTemplate {
  if (requested === undefined) return defaultEmailTemplate(status);
  const fitting = emailTemplatesFor({ status, refundCount });
  const template = fitting.find((candidate) => candidate.id === requested);
  if (template === undefined) {
    throw new WooError(
      400,
      "woocommerce_rest_invalid_email_template",
      `${requested} is not a valid template for this order. Use one of: ` +
        `${fitting.map((candidate) => candidate.id).join(", ")}.`,
    );
  }
  return template;
}

/**
 * Picks the address to send to: the one in the request, else the order's billing email. A
 * request address that differs from a billing email already on the order needs
 * `force_email_update`, as in WooCommerce 9.8+, so no address is replaced by mistake.
 */
function pickRecipient(billing: string, requested: string | undefined, force: boolean): string {
  if (requested === undefined || requested === "") {
    if (billing === "") {
      throw new WooError(
        400,
        "woocommerce_rest_missing_email",
        "Order does not have an email address: send one in the email field.",
      );
    }
    return billing;
  }
  if (!z.email().safeParse(requested).success) {
    throw invalidParamError(
      "email",
      `"${requested}" is not a valid email address: check it and send it again.`,
    );
  }
  if (billing !== "" && billing.toLowerCase() !== requested.toLowerCase() && !force) {
    throw new WooError(
      400,
      "pos_billing_email_differs",
      `The order's billing email is ${billing}, not ${requested}: send ` +
        `force_email_update: true to replace it, or send no email field to use it.`,
    );
  }
  return billing.toLowerCase() === requested.toLowerCase() ? billing : requested;
}

async function saveBillingEmail(context: AppContext, id: number, email: string): Promise<void> {
  await writeTransaction(context.store.db, async (trx) => {
    const row = await lockOrder(trx, context, id);
    const order = parseStoredOrder(row.details);
    const nowGmt = toGmtDateString(context.now());
    const next = {
      ...order,
      billing: wooAddressSchema.parse({ ...order.billing, email }),
      date_modified_gmt: nowGmt,
    };
    await trx
      .updateTable("orders")
      .set({ date_modified_gmt: nowGmt, details: JSON.stringify(next) })
      .where("id", "=", id)
      .execute();
  });
}
