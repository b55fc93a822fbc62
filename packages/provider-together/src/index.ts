export { together } from "./together.js";
