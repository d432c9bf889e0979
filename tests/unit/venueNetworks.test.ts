import { describe, expect, it } from 'vitest';
import { addressKey, businessRegNoKey, nameKey, phoneKey } from '../../src/lib/domain/register/networkKeys.ts';
import {
	closedSince,
	networks,
	openSince,
	reopeningCandidates,
	venueChanges,
	venueLinks,
	type LinkableVenue,
	type VenueVersion
} from '../../src/lib/domain/register/venueNetworks.ts';

const PRISHTINA = '11111111-1111-4111-8111-111111111111';
const PEJA = '22222222-2222-4222-8222-222222222222';

function venue(id: string, fields: Partial<LinkableVenue> = {}): LinkableVenue {
	return {
		id,
		status: 'active',
		address: '',
		municipalityId: PRISHTINA,
		businessRegNo: null,
		phone: '',
		ownerName: '',
		managerName: '',
		...fields
	};
}

describe('phone numbers that are the same line', () => {
	it('read +383, 00383 and the trunk 0 as one Kosovo number', () => {
		for (const written of ['+383 44 123 456', '00383 44 123 456', '044/123-456', '(044) 123 456']) {
			expect(phoneKey(written), written).toBe('44123456');
		}
	});

	it('keep another country code apart from a Kosovo number', () => {
		expect(phoneKey('+381 44 123 456')).toBe('+38144123456');
		expect(phoneKey('+381 44 123 456')).not.toBe(phoneKey('044 123 456'));
	});

	it('give no key for blanks and fragments too short to be a line', () => {
		expect(phoneKey('')).toBe('');
		expect(phoneKey(null)).toBe('');
		expect(phoneKey('12-34')).toBe('');
	});
});

describe('names that are the same person', () => {
	it('ignore case, diacritics and spacing', () => {
		expect(nameKey('  Arbën   ÇELA ')).toBe(nameKey('arben cela'));
		expect(nameKey('Dragan Đorđević')).toBe(nameKey('DRAGAN DJORDJEVIC'));
		expect(nameKey('Ilir Krasniqi')).not.toBe(nameKey('Ilir Krasniqi Jr'));
	});

	it('give no key for a blank name', () => {
		expect(nameKey('   ')).toBe('');
	});
});

describe('addresses that are the same door', () => {
	it('write street words out and drop house-number markers', () => {
		expect(addressKey('Rr. Dëshmorët nr. 12', PRISHTINA)).toBe(addressKey('Rruga Deshmoret 12', PRISHTINA));
	});

	it('differ between municipalities', () => {
		expect(addressKey('Rruga UÇK 5', PRISHTINA)).not.toBe(addressKey('Rruga UÇK 5', PEJA));
	});

	it('give no key for a blank address', () => {
		expect(addressKey(' , ', PRISHTINA)).toBe('');
	});
});

describe('business registration numbers', () => {
	it('ignore spaces, dashes and case', () => {
		expect(businessRegNoKey('81-012 3456')).toBe('810123456');
		expect(businessRegNoKey('ab 12')).toBe('AB12');
	});
});

describe('networks', () => {
	it('join venues by business number, phone, or one person as owner of one and manager of another', () => {
		const venues = [
			venue('a', { businessRegNo: '810123456' }),
			venue('b', { businessRegNo: '810-123-456', phone: '044 111 222' }),
			venue('c', { phone: '+383 44 111 222', ownerName: 'Besnik Gashi' }),
			venue('d', { managerName: 'BESNIK GASHI' }),
			venue('e', { ownerName: 'Someone Else' })
		];
		expect(networks(venues)).toEqual([['a', 'b', 'c', 'd']]);
		expect(venueLinks(venues, 'e').network.size).toBe(0);
	});

	it("show on a venue's card what links it directly to each venue of its network, nothing for the chain", () => {
		const a = venue('a', { businessRegNo: '1', phone: '044 111 222', ownerName: 'X Y' });
		const b = venue('b', { businessRegNo: '1', phone: '044111222', managerName: 'x  y' });
		const c = venue('c', { managerName: 'x y', phone: '045 000 000' });
		const d = venue('d', { phone: '045 000 000' });
		expect(venueLinks([a, b, c, d], 'a').network).toEqual(
			new Map([
				['b', ['businessRegNo', 'phone', 'person']],
				['c', ['person']],
				['d', []]
			])
		);
	});

	it('do not join venues by address alone, though the card knows of the shared address', () => {
		const venues = [venue('a', { address: 'Rruga A 1' }), venue('b', { address: 'Rr. A 1' })];
		expect(networks(venues)).toEqual([]);
		const links = venueLinks(venues, 'a');
		expect(links.network.size).toBe(0);
		expect(links.direct).toEqual(new Map([['b', ['address']]]));
	});
});

describe('reopening candidates', () => {
	it('pair a closed venue with each open venue sharing a key with it, address included', () => {
		const venues = [
			venue('closed', { status: 'closed_by_authority', address: 'Rruga A 1', ownerName: 'X' }),
			venue('same-door', { address: 'Rr. A nr. 1' }),
			venue('same-owner', { status: 'unverified', managerName: 'x' }),
			venue('gone', { status: 'gone', address: 'Rruga A 1' }),
			venue('unrelated', { address: 'Rruga B 2' })
		];
		const candidates = reopeningCandidates(venues).sort((a, b) => a.venueId.localeCompare(b.venueId));
		expect(candidates).toEqual([
			{ venueId: 'same-door', closedVenueId: 'closed', links: ['address'] },
			{ venueId: 'same-owner', closedVenueId: 'closed', links: ['person'] }
		]);
	});
});

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const version = (n: number, day: number, status: VenueVersion['status'], name = 'Bar A'): VenueVersion => ({
	version: n,
	at: at(day),
	status,
	name
});

describe('when a venue changed status', () => {
	it('dates a closure at the version that closed it, the latest closure when closed twice', () => {
		expect(closedSince([version(1, 1, 'active'), version(2, 5, 'closed_by_authority')])).toEqual(at(5));
		expect(
			closedSince([
				version(1, 1, 'active'),
				version(2, 5, 'closed_by_authority'),
				version(3, 9, 'active'),
				version(4, 12, 'closed_by_authority'),
				version(5, 14, 'closed_by_authority')
			])
		).toEqual(at(12));
		expect(closedSince([version(1, 1, 'active')])).toBeNull();
	});

	it('dates an open venue from its registration, or from its re-activation after a closure', () => {
		expect(openSince([version(3, 20, 'active')], at(2))).toEqual(at(2));
		expect(openSince([version(1, 2, 'unverified'), version(2, 4, 'active')], at(2))).toEqual(at(2));
		expect(openSince([version(1, 2, 'active'), version(2, 4, 'gone'), version(3, 8, 'active')], at(2))).toEqual(at(8));
	});

	it('lists registration, status and name changes in order', () => {
		const changes = venueChanges([
			version(1, 1, 'active', 'Bar A'),
			version(2, 3, 'active', 'Bar B'),
			version(3, 5, 'closed_by_authority', 'Bar B')
		]);
		expect(changes).toEqual([
			{ kind: 'registered', at: at(1), status: 'active', name: 'Bar A' },
			{ kind: 'name', at: at(3), from: 'Bar A', to: 'Bar B' },
			{ kind: 'status', at: at(5), from: 'active', to: 'closed_by_authority' }
		]);
	});
});
