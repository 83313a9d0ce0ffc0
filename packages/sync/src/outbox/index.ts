export * from "./outbox-record.js";
export * from "./outbox-failure.js";
export * from "./outbox-status.js";
export * from "./outbox.js";
export * from "./send-order.js";
