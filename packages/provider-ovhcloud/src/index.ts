export { ovhcloud } from "./ovhcloud.js";
