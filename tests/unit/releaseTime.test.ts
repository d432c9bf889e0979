/** The briefing time as typed in the operations' time zone, read into an instant and written back. */
import { describe, expect, it } from 'vitest';
import { releaseInstant, releaseLocal } from '../../src/lib/domain/planning/releaseTime.ts';

describe('the briefing time', () => {
	it('reads a wall-clock time in Europe/Belgrade, summer and winter', () => {
		expect(releaseInstant('2026-12-04T19:30')?.toISOString()).toBe('2026-12-04T18:30:00.000Z');
		expect(releaseInstant('2026-07-04T19:30')?.toISOString()).toBe('2026-07-04T17:30:00.000Z');
	});

	it('writes an instant back as the same wall-clock time', () => {
		expect(releaseLocal(new Date('2026-12-04T18:30:00Z'))).toBe('2026-12-04T19:30');
		expect(releaseLocal(new Date('2026-07-04T17:30:00Z'))).toBe('2026-07-04T19:30');
	});

	it('refuses text that is not a date and time', () => {
		expect(releaseInstant('tomorrow')).toBeNull();
		expect(releaseInstant('2026-12-04')).toBeNull();
	});
});
