/**
 * A small CSV reader (RFC 4180) for the lists municipal registers and education directorates
 * keep: quoted cells with commas, quotes and line breaks, CRLF or LF, a UTF-8 byte-order mark,
 * and the semicolon that Excel writes in locales whose decimal separator is a comma.
 */

export type CsvRecord = {
	/** 1-based line where the record starts, as a spreadsheet numbers it. */ line: number;
	cells: string[];
};

/** Semicolons when the header has more of them than commas (Excel in sq, sr and most of Europe). */
export function detectDelimiter(text: string): ',' | ';' {
	const header = text.slice(0, text.search(/\r?\n|$/));
	const count = (char: string) => header.split(char).length - 1;
	return count(';') > count(',') ? ';' : ',';
}

export function readCsv(text: string, delimiter: ',' | ';' = detectDelimiter(text)): CsvRecord[] {
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const records: CsvRecord[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let recordLine = 1;
	let i = 0;
	const endRecord = () => {
		cells.push(cell);
		// A blank line is no record (spreadsheets often leave one at the end).
		if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
		cells = [];
		cell = '';
	};
	while (i < source.length) {
		const char = source[i] as string;
		if (quoted) {
			if (char === '"') {
				if (source[i + 1] === '"') {
					cell += '"';
					i += 2;
					continue;
				}
				quoted = false;
			} else {
				if (char === '\n') line++;
				cell += char;
			}
			i++;
			continue;
		}
		if (char === '"' && cell === '') quoted = true;
		else if (char === delimiter) {
			cells.push(cell);
			cell = '';
		} else if (char === '\r' || char === '\n') {
			if (char === '\r' && source[i + 1] === '\n') i++;
			endRecord();
			line++;
			recordLine = line;
		} else cell += char;
		i++;
	}
	if (cell !== '' || cells.length > 0) endRecord();
	return records;
}
