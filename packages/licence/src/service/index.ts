// The licence service (Node.js only): HTTP app, signing keys, licence keys and storage.
export { activate, deactivate, type ActivationContext, type Deactivated } from "./activation.js";
export {
  openLicenceDatabase,
  type ActivationTable,
  type LicenceDatabase,
  type LicenceKeyTable,
} from "./licence-database.js";
export {
  generateLicenceId,
  generateLicenceKey,
  hashLicenceKey,
  normaliseLicenceKey,
  type RandomBytes,
} from "./licence-key-text.js";
export {
  findLicenceKey,
  issueLicenceKey,
  listLicenceKeys,
  renewLicenceKey,
  type IssueLicenceKeyInput,
  type LicenceKeyRecord,
} from "./licence-keys.js";
export {
  DEFAULT_ACTIVATION_RATE_LIMIT,
  LICENCE_DATABASE_FILE,
  buildLicenceService,
  type LicenceServiceOptions,
} from "./licence-service.js";
export { LicenceServiceError } from "./licence-service-error.js";
export { FixedWindowRateLimiter, type RateDecision, type RateLimit } from "./rate-limiter.js";
export {
  SIGNING_KEYS_FOLDER,
  createSigningKey,
  loadSigningKeys,
  type SigningKey,
} from "./signing-keys.js";
export { runLicenceCli, type CliOutput } from "./run-licence-cli.js";
