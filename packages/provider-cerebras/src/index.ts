export { cerebras } from "./cerebras.js";
