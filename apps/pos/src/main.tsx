import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { registerAppServiceWorker } from "./pwa/app-update.js";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element; the till cannot start");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerAppServiceWorker();
