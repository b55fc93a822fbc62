export { publicai } from "./publicai.js";
