import { mkdir } from "node:fs/promises";
import { join } from "node:path";

import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";

import { activate, deactivate, type ActivationContext } from "./activation.js";
import { openLicenceDatabase } from "./licence-database.js";
import { LicenceServiceError } from "./licence-service-error.js";
import { FixedWindowRateLimiter, type RateLimit } from "./rate-limiter.js";
import { SIGNING_KEYS_FOLDER, loadSigningKeys, type SigningKey } from "./signing-keys.js";

/** SQLite file inside the data folder. */
export const LICENCE_DATABASE_FILE = "licences.sqlite";

/** Ten attempts per key per quarter hour: ample for a store retrying a failed activation. */
export const DEFAULT_ACTIVATION_RATE_LIMIT: RateLimit = { maxAttempts: 10, windowMs: 15 * 60_000 };

export interface LicenceServiceOptions {
  /** Folder containing the database and the signing keys (see `createSigningKey`). */
  readonly dataDir: string;
  /** Clock, injected for tests; defaults to the system time. */
  readonly now?: () => Date;
  /** Fastify logger setting: true for pino at info level, false for none. */
  readonly logger?: FastifyServerOptions["logger"];
  /** Activation and deactivation attempts allowed per licence key. */
  readonly rateLimit?: RateLimit;
}

/**
 * Builds the licence service: `POST /v1/activate`, `POST /v1/deactivate` and
 * `GET /v1/public-keys`. It signs with the newest key in the data folder and closes its database
 * when the app closes. Fails when the folder has no signing key yet.
 */
export async function buildLicenceService(
  options: LicenceServiceOptions,
): Promise<FastifyInstance> {
  const signingKeys = await loadSigningKeys(options.dataDir);
  const signingKey = signingKeys[0];
  if (signingKey === undefined) {
    throw new Error(
      `no signing key in ${join(options.dataDir, SIGNING_KEYS_FOLDER)}; run the licence CLI's ` +
        `"keygen --data ${options.dataDir}" first`,
    );
  }

  await mkdir(options.dataDir, { recursive: true });
  const db = await openLicenceDatabase(join(options.dataDir, LICENCE_DATABASE_FILE));
  const now = options.now ?? (() => new Date());
  const limiter = new FixedWindowRateLimiter(
    options.rateLimit ?? DEFAULT_ACTIVATION_RATE_LIMIT,
    () => now().getTime(),
  );
  const context: ActivationContext = { db, signingKey, now, limiter };

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 16 * 1024 });
  // Only JSON bodies: a text/plain body would otherwise reach the handlers as a string.
  app.removeContentTypeParser("text/plain");
  app.addHook("onClose", async () => db.destroy());
  installErrorHandlers(app);
  registerRoutes(app, context, signingKeys);
  return app;
}

/** Sends every failure in WooCommerce's error shape and logs 5xx failures at error level. */
function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const failure = toServiceError(error);
    if (failure.httpStatus >= 500) request.log.error({ err: error }, "licence request failed");
    else request.log.info({ code: failure.code }, "licence request rejected");
    return reply.code(failure.httpStatus).headers(failure.headers).send(failure.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const failure = new LicenceServiceError(
      404,
      "licence_no_route",
      `no route ${request.method} ${request.url}; the service offers POST /v1/activate, ` +
        "POST /v1/deactivate and GET /v1/public-keys",
    );
    return reply.code(404).send(failure.toBody());
  });
}

function registerRoutes(
  app: FastifyInstance,
  context: ActivationContext,
  signingKeys: readonly SigningKey[],
): void {
  app.post("/v1/activate", async (request) => {
    const document = await activate(context, request.body);
    request.log.info(
      { licenceId: document.payload.licence_id, storeOrigin: document.payload.store_origin },
      "licence activated",
    );
    return document;
  });

  app.post("/v1/deactivate", async (request) => {
    const result = await deactivate(context, request.body);
    request.log.info(
      { licenceId: result.licence_id, instanceId: result.instance_id },
      "licence deactivated",
    );
    return result;
  });

  const publicKeys = {
    keys: signingKeys.map((key) => ({
      key_id: key.keyId,
      algorithm: "Ed25519",
      public_key: key.publicKey,
      created_at: key.createdAt,
    })),
  };
  app.get("/v1/public-keys", () => publicKeys);
}

function toServiceError(error: unknown): LicenceServiceError {
  if (error instanceof LicenceServiceError) return error;

  // Fastify's own 4xx errors: unparsable JSON, a wrong content type, a body over the limit.
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const reason = error instanceof Error ? error.message : "bad request";
    return new LicenceServiceError(
      status,
      "licence_invalid_request",
      `request was rejected (${reason}); send a JSON body with content-type application/json`,
    );
  }
  return new LicenceServiceError(
    500,
    "licence_internal_error",
    "the licence service failed; try again later",
  );
}
