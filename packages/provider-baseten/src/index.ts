export { baseten } from "./baseten.js";
