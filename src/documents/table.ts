import type { Content, TableCell } from 'pdfmake/interfaces.js';

export interface TableColumn {
  header: string;
  /** Points, '*' (share the rest) or 'auto' (fit the content); '*' by default. */
  width?: number | '*' | 'auto';
  align?: 'left' | 'center' | 'right';
}

/**
 * A row across the whole table, for a group's heading inside it ("Dinas Pendidikan — 12 orang"):
 * bold and shaded.
 */
export interface TableHeadingRow {
  heading: string;
}

export type TableRow = ReadonlyArray<string | number | Content> | TableHeadingRow;

export interface TableOptions {
  /** 10 pt by default: a daftar hadir or a report fits more rows than a letter's body text. */
  fontSize?: number;
}

/**
 * A ruled table whose header row is printed again at the top of every page it runs onto, as an
 * attendance sheet or a report needs. A row is never split across two pages.
 * Cells are text (or numbers) or any content node.
 */
export function table(columns: TableColumn[], rows: ReadonlyArray<TableRow>, options: TableOptions = {}): Content {
  const header: TableCell[] = columns.map((column) => ({ text: column.header, style: 'tableHeader' }));
  const body: TableCell[][] = rows.map((row) => {
    if (isHeadingRow(row)) {
      // pdfmake wants a placeholder for every cell a span covers.
      return [{ text: row.heading, colSpan: columns.length, bold: true, fillColor: '#f5f5f5' }, ...columns.slice(1).map(() => ({}))];
    }
    return row.map((cell, index) => {
      const alignment = columns[index]?.align ?? 'left';
      return typeof cell === 'object' ? { stack: [cell], alignment } : { text: String(cell), alignment };
    });
  });
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: columns.map((column) => column.width ?? '*'), body: [header, ...body] },
    layout: 'ruled',
    fontSize: options.fontSize ?? 10,
  };
}

function isHeadingRow(row: TableRow): row is TableHeadingRow {
  return !Array.isArray(row);
}
