import { createServer as createHttpsServer } from "node:https";
import Fastify from "fastify";
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import fastifySwagger from "@fastify/swagger";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { AppContext } from "./app-context.js";
import { LoginRateLimiter } from "./auth/login-rate-limiter.js";
import type { StoreDatabase } from "./db/store-database.js";
import { installErrorHandlers } from "./http/error-handler.js";
import { cacheControlFor, registerTillStatic, tillBuildExists } from "./http/till-static.js";
import { parseQueryString } from "./http/parse-query-string.js";
import { redactUrl } from "./http/redact-url.js";
import { installWordPressReplyShape } from "./http/wordpress-reply-shape.js";
import { WooError } from "./http/woo-error.js";
import { registerAuthRoutes } from "./routes/pos/auth-routes.js";
import { registerSiteIndexRoute } from "./routes/wp/site-index-route.js";
import { registerUsersMeRoute } from "./routes/wp/users-me-route.js";
import { registerApplicationPasswordRoutes } from "./routes/wp/application-password-routes.js";
import { registerCashierRoutes } from "./routes/pos/cashier-routes.js";
import { registerCouponCheckRoutes } from "./routes/pos/coupon-check-routes.js";
import { registerBarcodeSourceRoutes } from "./routes/pos/barcode-source-routes.js";
import { registerLicenceRoutes } from "./routes/pos/licence-routes.js";
import { registerDeviceSessionRoutes } from "./routes/pos/device-session-routes.js";
import { LicenceKeeper } from "./licence/licence-keeper.js";
import { createSmtpMailer } from "./mail/smtp-mailer.js";
import type { Mailer } from "./mail/smtp-mailer.js";
import type { LicenceKeeperOptions } from "./licence/licence-keeper.js";
import { registerStoreRoutes } from "./routes/pos/store-routes.js";
import { registerSyncRoutes } from "./routes/pos/sync-routes.js";
import { registerReportRoutes } from "./routes/pos/reports-routes.js";
import { registerTillCashSessionRoutes } from "./routes/pos/till-sessions-routes.js";
import { registerAttributeRoutes } from "./routes/wc/attribute-routes.js";
import { registerCatalogMiscRoutes } from "./routes/wc/catalog-misc-routes.js";
import { registerSystemStatusRoutes } from "./routes/wc/system-status-routes.js";
import { registerTermWriteRoutes } from "./routes/wc/term-write-routes.js";
import { registerCouponRoutes } from "./routes/wc/coupons-routes.js";
import { registerCustomerRoutes } from "./routes/wc/customers-routes.js";
import { registerOrderChangeRoutes } from "./routes/wc/order-changes-routes.js";
import { registerOrderRoutes } from "./routes/wc/orders-routes.js";
import { registerTaxRateWriteRoutes } from "./routes/wc/tax-rate-write-routes.js";
import { registerSettingsRoutes } from "./routes/wc/settings-routes.js";
import { registerProductReadRoutes } from "./routes/wc/products-read-routes.js";
import { registerProductWriteRoutes } from "./routes/wc/products-write-routes.js";

export interface BuildAppOptions {
  store: StoreDatabase;
  /** Fastify's logger option: false for none, true or pino options to log. */
  logger?: FastifyServerOptions["logger"];
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Folder of the till's build (`apps/pos/dist`); null or a missing folder serves no till. */
  tillDir?: string | null;
  /**
   * Trust `X-Forwarded-*` headers from a reverse proxy that terminates TLS, so consumer keys
   * sent to it over https are accepted (Fastify's `trustProxy`). Default false.
   */
  trustProxy?: boolean;
  /**
   * Serve https with this PEM key and certificate instead of plain http. (`listen` still
   * reports an http:// address, since the https server comes from Fastify's serverFactory.)
   */
  tls?: { key: string; cert: string };
  /** Failed logins allowed per username and per address in `windowMs`. */
  loginRateLimit?: {
    windowMs: number;
    maxFailuresPerUsername: number;
    maxFailuresPerAddress: number;
  };
  /**
   * The licence: the store's public address, the trusted public keys and the licence service.
   * Default: address http://127.0.0.1, no keys and no service, so the community edition.
   */
  licence?: Partial<
    Pick<LicenceKeeperOptions, "storeOrigin" | "publicKeys" | "serviceUrl" | "fetch">
  >;
  /**
   * The mail server for order emails, such as `smtp://127.0.0.1:2525`, and the From address.
   * Default: the `SMTP_URL` and `SMTP_FROM` environment variables; with no URL, order email requests
   * fail with an error saying email is not set up.
   */
  mail?: { smtpUrl?: string | null; from?: string };
}

/** Builds the store server: WooCommerce's wc/v3 API, the pos/v1 extensions and the till. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: withRedaction(options.logger ?? false),
    requestIdHeader: "x-request-id",
    trustProxy: options.trustProxy ?? false,
    routerOptions: { querystringParser: parseQueryString },
    bodyLimit: 10 * 1024 * 1024,
    ...(options.tls === undefined ? {} : { serverFactory: httpsServerFactory(options.tls) }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  installWordPressReplyShape(app);
  acceptEmptyJsonBody(app);
  await app.register(fastifySwagger, {
    openapi: { info: { title: "Store server: wc/v3 and pos/v1", version: "0.1.0" } },
    transform: jsonSchemaTransform,
  });
  app.get("/wp-json/pos/v1/openapi.json", { schema: { hide: true } }, () => app.swagger());

  const limits = options.loginRateLimit ?? {
    windowMs: 15 * 60 * 1000,
    maxFailuresPerUsername: 5,
    // Registers behind one router share an address, so this limit only stops guessing across
    // many usernames and is kept well above what a shop's cashiers mistype in 15 minutes.
    maxFailuresPerAddress: 50,
  };
  const context: AppContext = {
    store: options.store,
    now,
    loginRateLimiter: new LoginRateLimiter({
      ...limits,
      store: options.store,
      now: () => now().getTime(),
    }),
    licence: new LicenceKeeper({
      db: options.store.db,
      now,
      storeOrigin: options.licence?.storeOrigin ?? "http://127.0.0.1",
      publicKeys: options.licence?.publicKeys ?? {},
      serviceUrl: options.licence?.serviceUrl ?? null,
      ...(options.licence?.fetch === undefined ? {} : { fetch: options.licence.fetch }),
    }),
    mailer: createMailer(options.mail),
  };
  app.addHook("onClose", (_instance, done) => {
    context.mailer?.close();
    done();
  });

  registerSiteIndexRoute(app, context);
  registerUsersMeRoute(app, context);
  registerApplicationPasswordRoutes(app, context);
  registerAuthRoutes(app, context);
  registerDeviceSessionRoutes(app, context);
  registerCashierRoutes(app, context);
  registerLicenceRoutes(app, context);
  registerStoreRoutes(app, context);
  registerSyncRoutes(app, context);
  registerProductReadRoutes(app, context);
  registerProductWriteRoutes(app, context);
  registerTaxRateWriteRoutes(app, context);
  registerCatalogMiscRoutes(app, context);
  registerAttributeRoutes(app, context);
  registerTermWriteRoutes(app, context);
  registerSystemStatusRoutes(app, context);
  registerCustomerRoutes(app, context);
  registerOrderRoutes(app, context);
  registerOrderChangeRoutes(app, context);
  registerCouponRoutes(app, context);
  registerCouponCheckRoutes(app, context);
  registerSettingsRoutes(app, context);
  registerBarcodeSourceRoutes(app, context);
  registerReportRoutes(app, context);
  registerTillCashSessionRoutes(app, context);

  const tillDir = options.tillDir ?? null;
  const servesTill = tillDir !== null && tillBuildExists(tillDir);
  if (servesTill) await registerTillStatic(app, tillDir);
  installNotFoundHandler(app, servesTill);
  return app;
}

/**
 * Sends WooCommerce's `rest_no_route` for unknown paths, except that page routes of the till
 * (GET, not under /wp-json, no file extension) get index.html so its router can handle them.
 */
function installNotFoundHandler(app: FastifyInstance, servesTill: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith("/wp-json");
    const isPage = request.method === "GET" && !/\.[a-z0-9]+(\?|$)/i.test(request.url);
    if (!servesTill || isApi || !isPage) {
      const error = new WooError(
        404,
        "rest_no_route",
        "No route was found matching the URL and request method.",
      );
      return reply.status(404).send(error.toBody());
    }
    reply.header("Cache-Control", cacheControlFor("index.html"));
    return reply.sendFile("index.html");
  });
}

/**
 * Adds a request serializer that logs the method, the URL with credential parameters redacted,
 * and the client address: never a token, key or secret.
 */
function withRedaction(logger: FastifyServerOptions["logger"]): FastifyServerOptions["logger"] {
  if (logger === false || logger === undefined) return false;
  const base = logger === true ? {} : logger;
  return {
    ...base,
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}

/** Creates the SMTP mailer from the options or the environment, or returns null without a URL. */
function createMailer(mail: BuildAppOptions["mail"]): Mailer | null {
  const smtpUrl = mail?.smtpUrl === undefined ? process.env["SMTP_URL"] : mail.smtpUrl;
  if (smtpUrl === null || smtpUrl === undefined || smtpUrl === "") return null;
  const from = mail?.from ?? process.env["SMTP_FROM"] ?? "receipts@localhost";
  return createSmtpMailer({ smtpUrl, from });
}

/** Fastify's `serverFactory` for an https server with the given PEM key and certificate. */
function httpsServerFactory(tls: {
  key: string;
  cert: string;
}): FastifyServerOptions["serverFactory"] {
  return (handler) => createHttpsServer({ key: tls.key, cert: tls.cert }, handler);
}

/**
 * Reads an empty `application/json` body as no parameters, as WordPress's REST server does,
 * where Fastify's own parser rejects it. Any other body goes to Fastify's parser, which keeps
 * rejecting invalid JSON and `__proto__` or `constructor` keys.
 */
function acceptEmptyJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === "") {
      done(null, {});
      return;
    }
    void parseJson(request, text, done);
  });
}
