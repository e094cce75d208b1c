/** SQL string literals for the statements DuckDB takes no parameters in (COPY ... TO, read_parquet lists). */

/** `text` as a single-quoted SQL string literal; a quote inside is doubled, so a path cannot end it. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
