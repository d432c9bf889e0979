/**
 * The keys that link venues into networks (docs/DOMAIN.md, "After the inspection: venue networks"):
 * the same business registration number, phone, owner or manager, or — for a closed venue reopening —
 * address. Each is written by hand by planners and inspectors, so each is compared in a normal form
 * that ignores what people write differently for the same thing. An empty key links nothing.
 */
import { normaliseName } from './duplicates.ts';

/** Kosovo's country code: +383 44 123 456, 00383 44 123 456 and 044 123 456 are one number. */
const KOSOVO = '383';
/** Shorter than this is a typing slip or an extension, and would link unrelated venues. */
const MIN_PHONE_DIGITS = 6;

/**
 * The national number without its trunk 0 for Kosovo numbers; other countries' numbers keep their
 * country code behind a `+`, so a Serbian +381 number never equals a Kosovo one.
 */
export function phoneKey(text: string | null | undefined): string {
	const written = (text ?? '').trim();
	let digits = written.replace(/\D/g, '');
	let international = written.startsWith('+');
	if (digits.startsWith('00')) {
		digits = digits.slice(2);
		international = true;
	}
	if (international && digits.startsWith(KOSOVO)) digits = digits.slice(KOSOVO.length);
	else if (international) return digits.length >= MIN_PHONE_DIGITS ? `+${digits}` : '';
	digits = digits.replace(/^0+/, '');
	return digits.length >= MIN_PHONE_DIGITS ? digits : '';
}

/**
 * A venue name's normal form (lower case, no diacritics, one space between words), with Serbian
 * "dj" read as the "đ" it transliterates: "Đorđević" and "Djordjevic" are one person.
 */
export function nameKey(text: string | null | undefined): string {
	return normaliseName(text ?? '').replaceAll('dj', 'd');
}

/** Street words written short and long in Albanian and Serbian addresses. */
const ADDRESS_WORDS: Record<string, string> = {
	rr: 'rruga',
	rrg: 'rruga',
	ul: 'ulica',
	bul: 'bulevardi',
	blv: 'bulevardi',
	sh: 'sheshi',
	nr: '',
	no: '',
	br: ''
};
const STREET_WORD = new RegExp(`(?<=^| )(?:${Object.keys(ADDRESS_WORDS).join('|')})(?= |$)`, 'g');

/**
 * An address in the same municipality: a name key with street words written out and house-number
 * markers dropped ("Rr. Dëshmorët nr. 12" = "rruga deshmoret 12"). The municipality is part of the
 * key because the same street name is found in many towns.
 */
export function addressKey(address: string | null | undefined, municipalityId: string): string {
	const words = nameKey(address)
		.replace(STREET_WORD, (word) => ADDRESS_WORDS[word] ?? word)
		.replace(/ {2,}/g, ' ')
		.trim();
	return words ? `${municipalityId}|${words}` : '';
}

/** A registration number in capitals, letters and digits only ("81-012 3456" = "810123456"). */
export function businessRegNoKey(text: string | null | undefined): string {
	return (text ?? '').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}
