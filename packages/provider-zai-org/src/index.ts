export { zaiOrg } from "./zai-org.js";
