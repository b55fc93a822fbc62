/** How a positional input is read from the command line. */
export type InputKind =
  /** A string; `-` reads it from stdin. */
  | "text"
  /** One or more strings (the task takes a string or a list of them). */
  | "texts"
  /** Several strings, each possibly a comma list: labels, other sentences. */
  | "list"
  /** A local path, an http(s) URL, or `-` for stdin. */
  | "binary"
  /** A CSV or JSON file (or `-`), read as `{ column: [cells] }`. */
  | "table";

export interface InputSpec {
  name: string;
  kind: InputKind;
  description: string;
}

/** How an option's value is parsed and checked. */
export type OptionType = "string" | "number" | "integer" | "boolean" | "list" | "json";

export interface OptionSpec {
  /** The camelCase option of the task (or the snake_case key under `parameters` when `inParameters`). */
  key: string;
  type: OptionType;
  description: string;
  /** Sent under the call's `parameters` object as given (summarization, conversational). */
  inParameters?: boolean;
  /** The value placeholder in help, e.g. `<n>`. */
  placeholder?: string;
}

/** What the task resolves to, which decides how it is printed. */
export type OutputKind = "json" | "text" | "binary" | "segments";

export type Domain = "Audio" | "Computer vision" | "Multimodal" | "Natural language processing" | "Tabular";

export interface TaskSpec {
  /** kebab-case command name, e.g. `text-to-image`. */
  name: string;
  /** The `InferenceClient` method, e.g. `textToImage`. */
  method: string;
  domain: Domain;
  summary: string;
  inputs: InputSpec[];
  options: OptionSpec[];
  output: OutputKind;
  /** `infer <name> …` shown under the help. */
  example: string;
  /** The model must be given (no recommended model). */
  needsModel?: boolean;
  /** Accepts `--stream` (text-generation). */
  streams?: boolean;
}

/** The kebab-case flag of a camelCase or snake_case key: `maxNewTokens` → `max-new-tokens`. */
export function flagName(key: string): string {
  return key.replace(/_/g, "-").replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
