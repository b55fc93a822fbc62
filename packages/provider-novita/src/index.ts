export { novita } from "./novita.js";
