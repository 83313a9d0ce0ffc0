import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

// The store server serves this build on the same origin, so the till calls /wp-json directly.
// In development the proxy forwards those calls to a store server on its default address.
const storeServerUrl = "http://127.0.0.1:8080";

export default defineConfig({
  resolve: { conditions: ["source"] },
  worker: { format: "es" },
  plugins: [
    react(),
    VitePWA({
      strategies: "generateSW",
      // "prompt": a new version installs in the background and waits until the cashier
      // applies it between sales, so a reload never lands in the middle of a sale.
      registerType: "prompt",
      injectRegister: false,
      manifest: {
        name: "Point of sale",
        short_name: "Till",
        description: "Offline-first till for WooCommerce-compatible stores",
        start_url: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#1f5f8b",
        icons: [{ src: "icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,webmanifest,wasm}"],
        navigateFallback: "index.html",
        navigateFallbackDenylist: [/^\/wp-json\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { proxy: { "/wp-json": { target: storeServerUrl, changeOrigin: false } } },
  preview: { proxy: { "/wp-json": { target: storeServerUrl, changeOrigin: false } } },
  build: { target: "es2022", sourcemap: true },
});
