export { nscale } from "./nscale.js";
