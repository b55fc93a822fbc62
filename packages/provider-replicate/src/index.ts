export { replicate } from "./replicate.js";
