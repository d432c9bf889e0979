/**
 * Reading a nationality written before the codes — the old profile's option ids (`kosovo`,
 * `north_macedonia`…) and the "other" free text, in English, Albanian or Serbian, as a country or
 * as a nationality ("Albanian", "shqiptare", "Srpkinja") — back into a code. What it cannot read
 * stays as it was written and is listed for an admin to map (server/nationality/).
 */
import { isNationalityAnswer, type CountryCode, type NationalityAnswer } from './nationalityCodes.ts';
import { countryNames } from './countryNames.ts';

export * from './nationalityCodes.ts';

/** Case, accents, punctuation and the Serbian đ set aside: "Shqipëri", "shqiperi" and "SHQIPERI." are one key. */
export function nationalityKey(value: string): string {
	return value
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/đ/g, 'dj')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

// Beside every country's name in the three languages (countryNames.ts), the other spellings met for
// the countries Kosovo deployments see most: nationality words (masculine, feminine, plural), since
// "what is your nationality" is often answered with one, and Albanian definite forms.
const spellings: Record<string, string> = {
	XK: 'kosovo|kosova|kosove|republic of kosovo|republika e kosoves|kosovar|kosovare|kosovari|kosovarja|kosovan|kosovac|kosovka',
	AL: 'albania|albanian|shqiperi|shqiperia|shqiptar|shqiptare|shqiptari|shqiptarja|albanija|albanac|albanka|albansko|albanski',
	RS: 'serbia|serbian|serb|serbi|serbe|srbija|srbin|srpkinja|srpsko|srpski|srbi',
	MK: 'north macedonia|macedonia|macedonian|maqedonia|maqedoni|maqedonia e veriut|maqedoni e veriut|maqedonas|maqedonase|severna makedonija|makedonija|makedonac|makedonka|makedonsko',
	ME: 'montenegro|montenegrin|mali i zi|mal i zi|malazez|malazeze|crna gora|crnogorac|crnogorka|crnogorsko',
	MD: 'moldova|moldovan|moldavia|moldavian|moldavi|moldavias|moldavija|moldavac|moldavka|moldavsko',
	UA: 'ukraine|ukrainian|ukraina|ukraines|ukrainas|ukrainase|ukrajina|ukrajinac|ukrajinka|ukrajinsko',
	RO: 'romania|romanian|rumani|rumania|rumun|rumune|rumunija|rumunka|rumunsko',
	BG: 'bulgaria|bulgarian|bullgari|bullgaria|bullgar|bullgare|bugarska|bugarin|bugarka|bugarsko',
	TR: 'turkey|turkiye|turkish|turk|turqi|turqia|turke|turska|turkinja|tursko',
	BA: 'bosnia|bosnia and herzegovina|bosnian|bosnje|bosnja|boshnjak|boshnjake|bosna|bosna i hercegovina|bosanac|bosanka|bosnjak|bosnjakinja',
	HR: 'croatia|croatian|kroaci|kroacia|kroat|kroate|hrvatska|hrvat|hrvatica',
	RU: 'russia|russian|rusi|rusia|rus|ruse|rusija|ruskinja|rusko',
	DE: 'germany|german|gjermani|gjermania|gjerman|gjermane|nemacka|nemac|nemica'
};

let index: Map<string, NationalityAnswer> | undefined;

function spellingIndex(): Map<string, NationalityAnswer> {
	if (index) return index;
	const built = new Map<string, NationalityAnswer>();
	const add = (spelling: string, code: NationalityAnswer) => {
		const key = nationalityKey(spelling);
		if (key && !built.has(key)) built.set(key, code);
	};
	for (const [code, words] of Object.entries(spellings)) {
		for (const word of words.split('|')) add(word, code as NationalityAnswer);
	}
	for (const [code, names] of Object.entries(countryNames)) {
		for (const name of names) add(name, code as NationalityAnswer);
	}
	for (const word of ['unknown', 'e panjohur', 'i panjohur', 'nepoznato', 'nepoznat', 'nepoznata']) {
		add(word, 'unknown');
	}
	index = built;
	return built;
}

/**
 * The code a nationality written as text stands for, or null when it cannot be read with
 * confidence (then it is kept as written, never guessed). A code itself (`al`, `XK`) is read as one.
 */
export function normaliseNationality(written: string): NationalityAnswer | null {
	const trimmed = written.trim();
	if (isNationalityAnswer(trimmed)) return trimmed;
	if (/^[a-z]{2}$/i.test(trimmed) && isNationalityAnswer(trimmed.toUpperCase())) {
		return trimmed.toUpperCase() as NationalityAnswer;
	}
	const key = nationalityKey(trimmed);
	return key ? (spellingIndex().get(key) ?? null) : null;
}

const languageIndex = { en: 0, sq: 1, sr: 2 } as const;

/** A country's name in one of the interface languages; null for a value that is not a code. */
export function countryName(code: string, language: keyof typeof languageIndex): string | null {
	const names = (countryNames as Record<string, readonly string[]>)[code];
	return names?.[languageIndex[language]] ?? null;
}

/**
 * The countries a search finds, best first: a name (in any of the three languages, so an inspector
 * working in Albanian still finds "Germany") or the code starting with what was typed, then a
 * word of a name starting with it ("Macedonia" finds North Macedonia).
 */
export function searchCountries(query: string, language: keyof typeof languageIndex): CountryCode[] {
	const typed = nationalityKey(query);
	if (!typed) return [];
	const ranked: { code: CountryCode; rank: number; name: string }[] = [];
	for (const [code, names] of Object.entries(countryNames) as [CountryCode, readonly string[]][]) {
		const keys = names.map(nationalityKey);
		const rank =
			code.toLowerCase() === typed || keys.some((key) => key.startsWith(typed))
				? 0
				: keys.some((key) => key.includes(` ${typed}`))
					? 1
					: -1;
		if (rank >= 0) ranked.push({ code, rank, name: names[languageIndex[language]]! });
	}
	return ranked.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name)).map((entry) => entry.code);
}
