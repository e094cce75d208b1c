/**
 * GitHub-flavoured markdown tables, the one shape every markdown report uses. Not markdown-table: this is
 * its job in five lines with the escaping cells need, and the README tables' bytes stay as they are.
 */

/** A column header and which way its cells line up. */
export interface MarkdownColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

/** Escapes what would break a cell: pipes end the cell, newlines end the row. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
}

/** Renders a table; every row must have one cell per column. */
export function markdownTable(columns: readonly MarkdownColumn[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${columns.map((column) => (column.align === 'right' ? '---:' : ':---')).join('|')}|`;
  return [line(columns.map((column) => column.header)), rule, ...rows.map(line)].join('\n');
}
