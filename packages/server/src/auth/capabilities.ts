export const roles = ["administrator", "manager", "cashier"] as const;
export type Role = (typeof roles)[number];

/** Every permission a route can require; each route names exactly one. */
export const capabilities = [
  "read_catalog",
  "edit_catalog",
  "read_customers",
  "edit_customers",
  "delete_customers",
  "create_orders",
  "read_orders",
  "edit_orders",
  "refund_orders",
  "manage_staff",
  "manage_store",
] as const;
export type Capability = (typeof capabilities)[number];

const cashier: readonly Capability[] = [
  "read_catalog",
  "read_customers",
  "edit_customers",
  "create_orders",
  "read_orders",
];
const manager: readonly Capability[] = [
  ...cashier,
  "edit_catalog",
  "delete_customers",
  "edit_orders",
  "refund_orders",
  "manage_staff",
];
const administrator: readonly Capability[] = [...manager, "manage_store"];

const capabilitiesByRole: Readonly<Record<Role, ReadonlySet<Capability>>> = {
  cashier: new Set(cashier),
  manager: new Set(manager),
  administrator: new Set(administrator),
};

export function roleHasCapability(role: Role, capability: Capability): boolean {
  return capabilitiesByRole[role].has(capability);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
