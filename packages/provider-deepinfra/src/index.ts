export { deepinfra } from "./deepinfra.js";
