import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvLine, toCsv } from '../../src/lib/domain/csv.ts';

describe('a CSV cell', () => {
	it('is written as is when plain', () => {
		expect(csvCell('Prishtinë')).toBe('Prishtinë');
		expect(csvCell(12.5)).toBe('12.5');
	});

	it('is empty for a missing value', () => {
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(Number.NaN)).toBe('');
	});

	it('is quoted when it holds a comma, a quote or a line break', () => {
		expect(csvCell('Bar, Night')).toBe('"Bar, Night"');
		expect(csvCell('the "Star"')).toBe('"the ""Star"""');
		expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
		expect(csvCell('line one\r\nline two')).toBe('"line one\r\nline two"');
	});

	it('cannot start a formula when Excel opens the file', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+381 38 123')).toBe("'+381 38 123");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
	});

	it('cannot start a formula after a separator, where Excel with `;` as its separator (sq, sr) splits the cell', () => {
		expect(csvCell('Bar;=HYPERLINK("http://x")')).toBe(`"Bar;'=HYPERLINK(""http://x"")"`);
		expect(csvCell('Bar;+1')).toBe(`"Bar;'+1"`);
		expect(csvCell('Bar; -1+2')).toBe(`"Bar; '-1+2"`);
		expect(csvCell('Bar;@SUM(A1)')).toBe(`"Bar;'@SUM(A1)"`);
		expect(csvCell('Bar,=1')).toBe(`"Bar,'=1"`);
		expect(csvCell('Bar\t=1')).toBe("Bar\t'=1");
		expect(csvCell('one\r\n=1')).toBe(`"one\r\n'=1"`);
		expect(csvCell('one\n@x;;=2')).toBe(`"one\n'@x;;'=2"`);
		expect(csvCell(' =1')).toBe("' =1");
	});

	it('is quoted when it holds a semicolon, so a reader splitting on `;` keeps it whole', () => {
		expect(csvCell('Bar;Club')).toBe('"Bar;Club"');
		expect(csvLine(['a', 'b;=1', 'c'])).toBe(`a,"b;'=1",c`);
	});

	it('keeps a negative number a number', () => {
		expect(csvCell(-3)).toBe('-3');
	});

	it('leaves a sign inside the text alone', () => {
		expect(csvCell('Bar=Club')).toBe('Bar=Club');
	});
});

describe('a CSV file', () => {
	it('starts with the UTF-8 byte-order mark and ends every line with CRLF', () => {
		const file = toCsv(
			['kind', 'count'],
			[
				['bar', 2],
				['night_club', 0]
			]
		);
		expect(file.startsWith(BOM)).toBe(true);
		expect(file).toBe('\uFEFFkind,count\r\nbar,2\r\nnight_club,0\r\n');
	});

	it('is only the header when there are no rows', () => {
		expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
	});

	it('joins the cells of a line with commas', () => {
		expect(csvLine(['a', null, 3, true])).toBe('a,,3,true');
	});
});
