import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatDay,
	formatMonth,
	formatNumber,
	formatPercent,
	formatTime,
	monthNames,
	toFormatLocale,
	type FormatLocale
} from '../../src/lib/domain/format/localeFormat.ts';

const zone = 'Europe/Belgrade';
// 20:05 UTC is 21:05 in Belgrade in December (CET, UTC+1).
const evening = new Date('2026-12-02T20:05:07Z');
const NBSP = '\u00a0';

type Expected = {
	numericDate: string;
	mediumDate: string;
	longDay: string;
	weekdayDay: string;
	month: string;
	time: string;
	dateTime: string;
	numericDateTimeSeconds: string;
	number: string;
	thousands: string;
	millions: string;
	percent: string;
};

const expected: Record<FormatLocale, Expected> = {
	sq: {
		numericDate: '2.12.2026',
		mediumDate: '2 dhj 2026',
		longDay: '2 dhjetor 2026',
		weekdayDay: 'mër, 2 dhj 2026',
		month: 'dhj 2026',
		time: '21:05',
		dateTime: '2 dhj 2026, 21:05',
		numericDateTimeSeconds: '2.12.2026, 21:05:07',
		// CLDR sq groups only from five digits, with a no-break space.
		number: '1234,5',
		thousands: `12${NBSP}345,5`,
		millions: `1${NBSP}234${NBSP}567`,
		percent: '12,5%'
	},
	sr: {
		numericDate: '2. 12. 2026.',
		mediumDate: '2. dec 2026.',
		longDay: '2. decembar 2026.',
		weekdayDay: 'sre, 2. dec 2026.',
		month: 'dec 2026.',
		time: '21:05',
		dateTime: '2. dec 2026. 21:05',
		numericDateTimeSeconds: '2. 12. 2026. 21:05:07',
		number: '1.234,5',
		thousands: '12.345,5',
		millions: '1.234.567',
		percent: '12,5%'
	},
	en: {
		numericDate: '02/12/2026',
		mediumDate: '2 Dec 2026',
		longDay: '2 December 2026',
		weekdayDay: 'Wed, 2 Dec 2026',
		month: 'Dec 2026',
		time: '21:05',
		dateTime: '2 Dec 2026, 21:05',
		numericDateTimeSeconds: '02/12/2026, 21:05:07',
		number: '1,234.5',
		thousands: '12,345.5',
		millions: '1,234,567',
		percent: `12.5${NBSP}%`
	}
};

describe.each(Object.entries(expected) as [FormatLocale, Expected][])('%s', (locale, want) => {
	it('writes an instant’s date in the operations zone', () => {
		expect(formatDate(evening, locale, { style: 'numeric', timeZone: zone })).toBe(want.numericDate);
		expect(formatDate(evening, locale, { style: 'medium', timeZone: zone })).toBe(want.mediumDate);
	});

	it('writes a calendar day long and with its weekday, and a month', () => {
		expect(formatDay('2026-12-02', locale, 'long')).toBe(want.longDay);
		expect(formatDay('2026-12-02', locale, 'weekday')).toBe(want.weekdayDay);
		expect(formatMonth('2026-12', locale)).toBe(want.month);
		expect(formatMonth('2026-12', locale, false)).toBe(monthNames(locale, 'short')[11]);
	});

	it('writes the time on a 24-hour clock in the operations zone', () => {
		expect(formatTime(evening, locale, { timeZone: zone })).toBe(want.time);
		expect(formatDateTime(evening, locale, { style: 'medium', timeZone: zone })).toBe(want.dateTime);
		expect(formatDateTime(evening, locale, { style: 'numeric', timeZone: zone, seconds: true })).toBe(
			want.numericDateTimeSeconds
		);
	});

	it('writes numbers with the language’s decimal mark and grouping', () => {
		expect(formatNumber(1234.5, locale, 1)).toBe(want.number);
		expect(formatNumber(12345.5, locale, 1)).toBe(want.thousands);
		expect(formatNumber(1234567, locale)).toBe(want.millions);
		expect(formatNumber(-1234.5, locale, 1)).toBe(`-${want.number}`);
		expect(formatNumber(7, locale)).toBe('7');
	});

	it('writes a percentage given in points', () => {
		expect(formatPercent(12.5, locale)).toBe(want.percent);
	});
});

describe('wall clock', () => {
	it('moves the day with the zone: 23:30 UTC is already tomorrow in Belgrade', () => {
		const late = new Date('2026-12-02T23:30:00Z');
		expect(formatDateTime(late, 'sq', { style: 'numeric', timeZone: zone })).toBe('3.12.2026, 00:30');
		expect(formatDateTime(late, 'sq', { style: 'numeric', timeZone: 'UTC' })).toBe('2.12.2026, 23:30');
	});

	it('follows summer time: 20:05 UTC in July is 22:05 in Belgrade', () => {
		expect(formatTime(new Date('2026-07-01T20:05:00Z'), 'sr', { timeZone: zone })).toBe('22:05');
	});

	it('rounds like Intl, half away from zero on the decimal value', () => {
		expect(formatNumber(66.65, 'sq', 1)).toBe('66,7');
		expect(formatNumber(0.5, 'en')).toBe('1');
		expect(formatNumber(999.95, 'sr', 1)).toBe('1.000,0');
	});

	it('keeps a calendar day whatever the zone', () => {
		expect(formatDay('2026-01-01', 'sr', 'medium')).toBe('1. jan 2026.');
		expect(() => formatDay('1 Jan 2026', 'en')).toThrow(RangeError);
	});

	it('reads language tags as the app’s three languages', () => {
		expect(toFormatLocale('sr-Latn')).toBe('sr');
		expect(toFormatLocale('sq')).toBe('sq');
		expect(toFormatLocale('en-GB')).toBe('en');
		expect(toFormatLocale('de')).toBe('en');
	});
});

describe('without Albanian or Serbian data in the runtime', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.resetModules();
	});

	it('asks Intl for English only', async () => {
		// A runtime like Chromium's, which has no 'sq': any other locale asked for is a failure here.
		const englishOnly = <T extends new (...args: never[]) => object>(Real: T) =>
			function (locales?: string | string[], options?: object) {
				for (const tag of [locales ?? []].flat()) if (!/^en(-|$)/.test(tag)) throw new Error(`Intl asked for ${tag}`);
				return new (Real as unknown as new (l?: string | string[], o?: object) => object)(locales, options);
			};
		vi.stubGlobal('Intl', {
			...Intl,
			DateTimeFormat: englishOnly(Intl.DateTimeFormat),
			NumberFormat: englishOnly(Intl.NumberFormat)
		});
		vi.resetModules();
		const fresh = await import('../../src/lib/domain/format/localeFormat.ts');
		expect(fresh.formatDateTime(evening, 'sq', { style: 'numeric', timeZone: zone })).toBe('2.12.2026, 21:05');
		expect(fresh.formatPercent(66.67, 'sq')).toBe('66,7%');
		expect(fresh.formatNumber(12345, 'sr')).toBe('12.345');
	});
});
