export { cohere } from "./cohere.js";
