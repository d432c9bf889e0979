/** What links two venues in a network, or a reopened venue to the closed one. */
import { m } from '$lib/paraglide/messages.js';
import type { LinkKind } from '$lib/domain/register/venueNetworks.ts';
import { labelFrom, type Messages } from './label.ts';

const linkMessages: Messages<LinkKind> = {
	businessRegNo: m.network_link_businessRegNo,
	phone: m.network_link_phone,
	person: m.network_link_person,
	address: m.network_link_address
};

export function linkKindLabel(kind: string): string {
	return labelFrom(linkMessages, kind);
}

/** The links of a pair as one phrase; none means the two are linked through other venues. */
export function linksLabel(kinds: readonly string[]): string {
	return kinds.length ? kinds.map(linkKindLabel).join(', ') : m.network_link_indirect();
}
