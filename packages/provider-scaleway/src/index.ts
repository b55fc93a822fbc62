export { scaleway } from "./scaleway.js";
