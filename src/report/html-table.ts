/** Lays a SummaryTable out as an HTML table, every cell escaped. */
import { escapeHtml } from './escape-html.ts';
import type { SummaryTable, TableColumn } from './summary-tables.ts';

function cell(tag: 'th' | 'td', column: TableColumn | undefined, text: string): string {
  const align = column?.align === 'right' ? ' class="number"' : '';
  return `<${tag}${align}>${escapeHtml(text)}</${tag}>`;
}

/** The `<table>` of `table`, one `<tr>` per row. */
export function htmlTable(table: SummaryTable): string {
  const head = table.columns.map((column) => cell('th', column, column.header)).join('');
  const body = table.rows.map(
    (row) => `<tr>${row.map((text, index) => cell('td', table.columns[index], text)).join('')}</tr>`,
  );
  return `<table class="sortable">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}
