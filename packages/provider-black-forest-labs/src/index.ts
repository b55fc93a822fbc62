export { blackForestLabs } from "./black-forest-labs.js";
