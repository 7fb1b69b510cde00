// Serves the app on Node: `npm start`, then http://127.0.0.1:8787/openapi.json
import { serve } from "@hono/node-server";
import { createService } from "./service.js";

const dataDir = process.env.DATA_DIR; // a folder keeps the data; none: in memory
const { app } = await createService(dataDir === undefined ? {} : { dataDir });
const port = Number(process.env.PORT ?? 8787);
serve({ fetch: app.fetch, hostname: "127.0.0.1", port }, (info) => {
  console.log(`civitas http-service on http://127.0.0.1:${info.port}`);
});
