export { nebius } from "./nebius.js";
