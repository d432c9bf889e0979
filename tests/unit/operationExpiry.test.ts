/** An operation's day is a day of Kosovo's calendar, for its expiry on the server as on the phones' Today. */
import { describe, expect, it } from 'vitest';
import { expiryCutoffDay } from '../../src/lib/server/planning/released.ts';
import { calendarDay } from '../../src/lib/domain/field/teamDays.ts';

describe('the expiry cutoff', () => {
	it('is today in Kosovo at 23:30 UTC, when UTC is still on the day before', () => {
		const lateEvening = new Date('2026-12-03T23:30:00Z');
		expect(calendarDay(lateEvening)).toBe('2026-12-04');
		// With no days kept, yesterday's operation (3 December in Kosovo) has expired; today's has not.
		expect(expiryCutoffDay(lateEvening, 0)).toBe('2026-12-04');
		expect(expiryCutoffDay(lateEvening, 1)).toBe('2026-12-03');
	});

	it('follows summer time', () => {
		expect(expiryCutoffDay(new Date('2026-07-01T22:30:00Z'), 0)).toBe('2026-07-02');
		expect(expiryCutoffDay(new Date('2026-07-01T21:30:00Z'), 0)).toBe('2026-07-01');
	});
});
