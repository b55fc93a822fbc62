export { falAi } from "./fal-ai.js";
