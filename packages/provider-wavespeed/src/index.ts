export { wavespeed } from "./wavespeed.js";
