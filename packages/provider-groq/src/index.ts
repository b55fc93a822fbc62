export { groq } from "./groq.js";
