export { startServer, type ServerOptions, type RunningServer } from "./server.js";
export type { Backend } from "./backends/types.js";
