import { describe, expect, it } from 'vitest';
import { destinationAfterSignIn, homePathFor } from '../../src/lib/domain/navigation.ts';

describe('where a user lands after signing in', () => {
	it('goes back to the screen the guard sent them from when it is one of their role’s', () => {
		expect(destinationAfterSignIn('planner', '/plan/operations/1?team=2')).toBe('/plan/operations/1?team=2');
		expect(destinationAfterSignIn('inspector', '/today')).toBe('/today');
	});

	it('ignores another role’s screen, another site and no next at all', () => {
		expect(destinationAfterSignIn('inspector', '/admin/users')).toBe(homePathFor('inspector'));
		expect(destinationAfterSignIn('planner', '//evil.example/map')).toBe('/map');
		expect(destinationAfterSignIn('planner', 'https://evil.example/map')).toBe('/map');
		expect(destinationAfterSignIn('supervisor', '/mapping-elsewhere')).toBe('/map');
		expect(destinationAfterSignIn('admin', null)).toBe('/admin/users');
	});
});
