export { hyperbolic } from "./hyperbolic.js";
