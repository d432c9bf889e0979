/**
 * A small CSV writer (RFC 4180) for files supervisors open in Excel: UTF-8 with a byte-order
 * mark, CRLF line ends, and cells that Excel would run as formulas defused.
 */

export type Cell = string | number | boolean | null | undefined;

/** Without the BOM Excel reads UTF-8 as the local code page and garbles ë, ç, š, đ. */
export const BOM = '\uFEFF';

// A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection); tab,
// carriage return and spaces can hide such a start.
const FORMULA_START = /^(?:[ \t\r\n]*[=+\-@]|[\t\r])/;

// Excel in Albanian and Serbian reads `;` as the separator and ignores quotes that do not open a
// field, so `Bar;=HYPERLINK(…)` or a line break inside a quoted cell can start a new field there:
// a formula after any separator (`,` `;` tab, line break), spaces between or not, is defused too.
const FORMULA_AFTER_SEPARATOR = /(?<!^)([,;\t\r\n][ \t\r\n]*)(?=[=+\-@])/g;

export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	// Numbers are written as numbers: a negative figure is data, not a formula.
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let text = String(value).replace(FORMULA_AFTER_SEPARATOR, "$1'");
	if (FORMULA_START.test(text)) text = `'${text}`;
	// Quoted when holding either separator, so a reader that splits on `;` keeps it whole too.
	return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
	return cells.map(csvCell).join(',');
}

/** The whole file, BOM first, every line (the last one too) ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return BOM + [header, ...rows].map((cells) => csvLine(cells) + '\r\n').join('');
}
