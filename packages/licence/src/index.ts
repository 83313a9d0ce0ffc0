// Browser- and Node-safe licence API: the document format, offline verification, seat rules and
// the activation client. The licence service itself is in "@pos/licence/service".
export { decodeBase64Url, encodeBase64Url } from "./base64url.js";
export {
  LICENCE_FORMAT,
  LICENCE_FORMAT_VERSION,
  MAX_LICENCE_DOCUMENT_CHARS,
  encodeLicencePayload,
  licenceDocumentSchema,
  licencePayloadSchema,
  toLicence,
  type Licence,
  type LicenceDocument,
  type LicencePayload,
} from "./licence.js";
export {
  DEFAULT_LICENCE_SERVICE_TIMEOUT_MS,
  LicenceClientError,
  activateLicence,
  deactivateLicence,
  fetchLicencePublicKeys,
  type ActivateLicenceOptions,
  type DeactivateLicenceOptions,
  type Deactivation,
  type LicenceClientErrorKind,
  type LicenceClientResult,
} from "./licence-client.js";
export { parseLicenceDocument, type ParsedLicenceDocument } from "./parse-licence-document.js";
export {
  COMMUNITY_EDITION,
  COMMUNITY_REGISTERS,
  checkRegisterSeat,
  editionInForce,
  registersText,
  seatsAllowed,
  type RegisterSeatDecision,
  type RegisterSeatRequest,
  type SignedInRegister,
} from "./seats.js";
export { SHIPPED_LICENCE_KEYS } from "./shipped-licence-keys.js";
export { signLicence } from "./sign-licence.js";
export { normaliseStoreOrigin, type StoreOriginResult } from "./store-origin.js";
export {
  verifyLicence,
  type LicenceCheck,
  type LicenceStatus,
  type VerifyLicenceOptions,
} from "./verify-licence.js";
