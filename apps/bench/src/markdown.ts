/** A GitHub-flavoured Markdown table: the first column left-aligned, the others (numbers) right-aligned. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const escapeCell = (cell: string) => cell.replaceAll("|", "\\|");
  const lines = [
    `| ${headers.map(escapeCell).join(" | ")} |`,
    `| ${headers.map((_header, column) => (column === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((row) => `| ${headers.map((_header, column) => escapeCell(row[column] ?? "")).join(" | ")} |`),
  ];
  return lines.join("\n");
}
