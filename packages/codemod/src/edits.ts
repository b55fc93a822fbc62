/** A replacement of the source text between two offsets, found from the syntax tree. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Thrown while analysing a file: the file cannot be rewritten safely, for this reason. */
export class UnsafeRewrite extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "UnsafeRewrite";
  }
}

/** Applies edits that do not overlap; overlapping edits mean the rewrite is not safe. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((left, right) => left.start - right.start || left.end - right.end);
  let output = "";
  let position = 0;
  for (const edit of sorted) {
    if (edit.start < position) throw new UnsafeRewrite("two rewrites overlap (a legacy call nested in another)");
    output += source.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return output + source.slice(position);
}
