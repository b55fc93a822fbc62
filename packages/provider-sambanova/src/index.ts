export { sambanova } from "./sambanova.js";
