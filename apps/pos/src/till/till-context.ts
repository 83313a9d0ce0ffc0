import { createContext, useContext } from "react";
import type { TillServices } from "./till-services.js";

export const TillContext = createContext<TillServices | null>(null);

/** Returns the logged-in till's services; only screens under `TillContext` may call it. */
export function useTill(): TillServices {
  const services = useContext(TillContext);
  if (!services) throw new Error("useTill was called outside a logged-in till");
  return services;
}
