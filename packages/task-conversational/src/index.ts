export { conversational } from "./conversational.js";
export type { ConversationalOptions, ConversationalOutput, ConversationalParameters } from "./conversational.js";
