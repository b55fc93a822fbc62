export { featherlessAi } from "./featherless-ai.js";
