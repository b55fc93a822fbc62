export { fireworksAi } from "./fireworks-ai.js";
