/**
 * Local-sounding names and street addresses for demo venues and child sites. Serb-majority
 * municipalities get Serbian (Latin script) names, the rest Albanian, as their signs would read.
 */
import type { Random } from './random.ts';
import type { ChildSiteKind, LocationKind } from '../../domain/records/codes.ts';

export type Script = 'sq' | 'sr';

const brandWords: Record<Script, readonly string[]> = {
	sq: [
		'Dardania',
		'Iliria',
		'Arbëria',
		'Kalaja',
		'Ura',
		'Rozafa',
		'Luna',
		'Bella',
		'Venus',
		'Prestige',
		'Elita',
		'Oaza',
		'Diamant',
		'Fontana',
		'Korzo',
		'Shqiponja',
		'Drini',
		'Sharri',
		'Ylli',
		'Flora',
		'Europa',
		'Royal',
		'Malësia',
		'Lisi',
		'Te Guri',
		'Te Mulliri',
		'Besa',
		'Dielli',
		'Vera',
		'Kristal',
		'Amore',
		'Bohème',
		'Panorama',
		'Lugina',
		'Ujëvara',
		'Teuta',
		'Era',
		'Fisi',
		'Kosova',
		'Jeta'
	],
	sr: [
		'Ibar',
		'Kopaonik',
		'Stari Most',
		'Zlatni Lav',
		'Gazela',
		'Lipa',
		'Morava',
		'Sunce',
		'Jelena',
		'Kod Mike',
		'Dva Jelena',
		'Vidikovac',
		'Merak',
		'Zora',
		'Kristal',
		'Tri Šešira',
		'Lovac',
		'Centar'
	]
};

const venuePatterns: Record<LocationKind, Record<Script, readonly string[]>> = {
	bar: { sq: ['Bar {w}', 'Bar-Kafe {w}', 'Lokali {w}'], sr: ['Bar {w}', 'Kafić {w}'] },
	night_club: { sq: ['Night Club {w}', 'Club {w}', 'Disko {w}'], sr: ['Noćni klub {w}', 'Club {w}'] },
	massage_parlour: { sq: ['{w} Massage', 'Spa & Massage {w}', 'Qendra e masazhit {w}'], sr: ['Masaža {w}', 'Spa {w}'] },
	hotel_motel: { sq: ['Hotel {w}', 'Motel {w}', 'Hotel-Restorant {w}'], sr: ['Hotel {w}', 'Motel {w}'] },
	restaurant_cafe: {
		sq: ['Restorant {w}', 'Kafe {w}', 'Piceri {w}', 'Qebaptore {w}'],
		sr: ['Restoran {w}', 'Kafana {w}', 'Picerija {w}']
	},
	private_apartment: { sq: ['Banesë private'], sr: ['Privatni stan'] },
	other: {
		sq: ['Autolarje {w}', 'Punëtori {w}', 'Market {w}', 'Ndërtimore {w}', 'Ferma {w}', 'Sallon bukurie {w}'],
		sr: ['Perionica {w}', 'Radionica {w}', 'Market {w}', 'Farma {w}']
	}
};

const streets: Record<Script, readonly string[]> = {
	sq: [
		'Rr. Agim Ramadani',
		'Rr. Nëna Terezë',
		'Bul. Bill Klinton',
		'Rr. Luan Haradinaj',
		'Rr. Adem Jashari',
		'Rr. Skënderbeu',
		'Rr. Ismail Qemali',
		'Rr. Fehmi Agani',
		'Rr. UÇK',
		'Rr. Dëshmorët e Kombit',
		'Rr. Lidhja e Prizrenit',
		'Rr. Isa Boletini',
		'Rr. Hasan Prishtina',
		'Rr. Rexhep Luci',
		'Rr. Garibaldi',
		'Rr. Zahir Pajaziti',
		'Rr. Tirana',
		'Rr. Dardania',
		'Rr. Ibrahim Rugova',
		'Rr. Naim Frashëri',
		'Rr. Gjergj Fishta',
		'Rr. Bajram Curri',
		'Rr. Ismet Jashari',
		'Rr. Shaban Polluzha',
		'Rr. Idriz Seferi'
	],
	sr: [
		'Ul. Kralja Petra I',
		'Ul. Knjaza Miloša',
		'Ul. Vuka Karadžića',
		'Ul. Cara Dušana',
		'Ul. Kneza Lazara',
		'Ul. Sutjeska',
		'Ul. Njegoševa',
		'Ul. Kosovska',
		'Ul. Ive Andrića',
		'Ul. Svetog Save'
	]
};

const schoolNames: Record<Script, readonly string[]> = {
	sq: [
		'Naim Frashëri',
		'Sami Frashëri',
		'Ismail Qemali',
		'Dëshmorët',
		'Ali Kelmendi',
		'Faik Konica',
		'Migjeni',
		'Pjetër Bogdani',
		'Hasan Prishtina',
		'Ibrahim Rugova',
		'Mustafa Bakija',
		'Gjon Buzuku',
		'Elena Gjika',
		'Xhevdet Doda',
		'Asim Vokshi',
		'Anton Çetta'
	],
	sr: ['Vuk Karadžić', 'Sveti Sava', 'Desanka Maksimović', 'Branko Radičević', 'Dositej Obradović', 'Jovan Cvijić']
};

const kindergartenNames: Record<Script, readonly string[]> = {
	sq: ['Ëndrra', 'Buzëqeshja', 'Lulet', 'Yllkat', 'Gëzimi', 'Fluturat', 'Bleta', 'Pëllumbi'],
	sr: ['Pčelica', 'Leptirić', 'Sunce', 'Bambi', 'Kolibri']
};

export function venueName(random: Random, kind: LocationKind, script: Script): string {
	return random.pick(venuePatterns[kind][script]).replace('{w}', random.pick(brandWords[script]));
}

export function streetAddress(random: Random, town: string, script: Script): string {
	const street = random.pick(streets[script]);
	return `${street} ${random.int(1, 180)}, ${town}`;
}

/** A flat has no business name: the planner knows it by its door. */
export function apartmentAddress(random: Random, town: string, script: Script): string {
	const flat =
		script === 'sq'
			? `hyrja ${random.int(1, 4)}, kati ${random.int(1, 9)}`
			: `ulaz ${random.int(1, 4)}, sprat ${random.int(1, 9)}`;
	return `${streetAddress(random, town, script)} (${flat})`;
}

export function childSiteName(random: Random, kind: ChildSiteKind, script: Script, town: string): string {
	const sq = script === 'sq';
	switch (kind) {
		case 'school': {
			const level = random.weighted<string>(
				sq
					? [
							['Shkolla fillore', 3],
							['SHFMU', 3],
							['Shkolla e mesme', 1],
							['Gjimnazi', 1]
						]
					: [
							['Osnovna škola', 3],
							['Srednja škola', 1],
							['Gimnazija', 1]
						]
			);
			return `${level} "${random.pick(schoolNames[script])}"`;
		}
		case 'kindergarten':
			return `${sq ? 'Kopshti' : 'Vrtić'} "${random.pick(kindergartenNames[script])}"`;
		case 'playground':
			return sq
				? `Këndi i lojërave, ${random.pick(['Parku i qytetit', 'Lagjja', 'Sheshi'])} ${town}`
				: `Dečje igralište, ${town}`;
		case 'other':
			return sq
				? random.pick(['Qendra rinore', 'Palestra sportive', 'Qendra kulturore për fëmijë', 'Shkolla e muzikës'])
				: random.pick(['Dom omladine', 'Sportska hala', 'Muzička škola']);
	}
}
