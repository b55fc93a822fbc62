export { startServer, type ServerOptions, type RunningServer } from "./server.js";
export { MODELS } from "./models.js";
export { DIMENSIONS } from "./embeddings.js";
