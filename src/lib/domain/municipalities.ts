/**
 * Kosovo's 38 municipalities (docs/DOMAIN.md, "Places"): names in the two official languages and the
 * form English-speaking partners use, with the approximate seat of each. `population` is the 2011
 * census figure, rounded; it only weights how much demo data a municipality gets.
 */

export type Municipality = {
	code: string;
	nameSq: string;
	nameSr: string;
	nameEn: string;
	lat: number;
	lng: number;
	population: number;
};

/** The default deployment area: a venue or GPS fix outside it is almost certainly a data error. */
export const kosovoBounds = { minLat: 41.85, maxLat: 43.27, minLng: 19.98, maxLng: 21.8 } as const;

export const municipalities: readonly Municipality[] = [
	{
		code: 'prishtine',
		nameSq: 'Prishtinë',
		nameSr: 'Priština',
		nameEn: 'Pristina',
		lat: 42.663,
		lng: 21.166,
		population: 198900
	},
	{
		code: 'prizren',
		nameSq: 'Prizren',
		nameSr: 'Prizren',
		nameEn: 'Prizren',
		lat: 42.214,
		lng: 20.74,
		population: 177800
	},
	{
		code: 'ferizaj',
		nameSq: 'Ferizaj',
		nameSr: 'Uroševac',
		nameEn: 'Ferizaj',
		lat: 42.371,
		lng: 21.155,
		population: 108600
	},
	{ code: 'peje', nameSq: 'Pejë', nameSr: 'Peć', nameEn: 'Peja', lat: 42.659, lng: 20.288, population: 96500 },
	{
		code: 'gjakove',
		nameSq: 'Gjakovë',
		nameSr: 'Đakovica',
		nameEn: 'Gjakova',
		lat: 42.38,
		lng: 20.431,
		population: 94600
	},
	{
		code: 'gjilan',
		nameSq: 'Gjilan',
		nameSr: 'Gnjilane',
		nameEn: 'Gjilan',
		lat: 42.464,
		lng: 21.469,
		population: 90200
	},
	{
		code: 'mitrovice',
		nameSq: 'Mitrovicë',
		nameSr: 'Mitrovica',
		nameEn: 'Mitrovica',
		lat: 42.891,
		lng: 20.866,
		population: 71900
	},
	{
		code: 'podujeve',
		nameSq: 'Podujevë',
		nameSr: 'Podujevo',
		nameEn: 'Podujevo',
		lat: 42.911,
		lng: 21.193,
		population: 88500
	},
	{
		code: 'vushtrri',
		nameSq: 'Vushtrri',
		nameSr: 'Vučitrn',
		nameEn: 'Vushtrri',
		lat: 42.823,
		lng: 20.968,
		population: 69900
	},
	{
		code: 'suhareke',
		nameSq: 'Suharekë',
		nameSr: 'Suva Reka',
		nameEn: 'Suva Reka',
		lat: 42.359,
		lng: 20.825,
		population: 59700
	},
	{
		code: 'rahovec',
		nameSq: 'Rahovec',
		nameSr: 'Orahovac',
		nameEn: 'Rahovec',
		lat: 42.399,
		lng: 20.655,
		population: 56200
	},
	{
		code: 'drenas',
		nameSq: 'Drenas',
		nameSr: 'Glogovac',
		nameEn: 'Drenas',
		lat: 42.624,
		lng: 20.893,
		population: 58500
	},
	{
		code: 'lipjan',
		nameSq: 'Lipjan',
		nameSr: 'Lipljan',
		nameEn: 'Lipjan',
		lat: 42.522,
		lng: 21.126,
		population: 57600
	},
	{
		code: 'malisheve',
		nameSq: 'Malishevë',
		nameSr: 'Mališevo',
		nameEn: 'Malisheva',
		lat: 42.483,
		lng: 20.746,
		population: 54600
	},
	{ code: 'junik', nameSq: 'Junik', nameSr: 'Junik', nameEn: 'Junik', lat: 42.476, lng: 20.278, population: 6100 },
	{
		code: 'gracanice',
		nameSq: 'Graçanicë',
		nameSr: 'Gračanica',
		nameEn: 'Gračanica',
		lat: 42.6,
		lng: 21.193,
		population: 10700
	},
	{
		code: 'partesh',
		nameSq: 'Partesh',
		nameSr: 'Parteš',
		nameEn: 'Partesh',
		lat: 42.403,
		lng: 21.433,
		population: 1800
	},
	{ code: 'zvecan', nameSq: 'Zveçan', nameSr: 'Zvečan', nameEn: 'Zvečan', lat: 42.908, lng: 20.84, population: 16700 },
	{
		code: 'leposaviq',
		nameSq: 'Leposaviq',
		nameSr: 'Leposavić',
		nameEn: 'Leposavić',
		lat: 43.104,
		lng: 20.803,
		population: 18600
	},
	{
		code: 'kamenice',
		nameSq: 'Kamenicë',
		nameSr: 'Kamenica',
		nameEn: 'Kamenica',
		lat: 42.578,
		lng: 21.58,
		population: 36100
	},
	{ code: 'viti', nameSq: 'Viti', nameSr: 'Vitina', nameEn: 'Viti', lat: 42.321, lng: 21.358, population: 47000 },
	{ code: 'decan', nameSq: 'Deçan', nameSr: 'Dečani', nameEn: 'Deçan', lat: 42.54, lng: 20.288, population: 40000 },
	{ code: 'istog', nameSq: 'Istog', nameSr: 'Istok', nameEn: 'Istog', lat: 42.781, lng: 20.488, population: 39300 },
	{ code: 'kline', nameSq: 'Klinë', nameSr: 'Klina', nameEn: 'Klina', lat: 42.622, lng: 20.578, population: 38500 },
	{
		code: 'skenderaj',
		nameSq: 'Skenderaj',
		nameSr: 'Srbica',
		nameEn: 'Skenderaj',
		lat: 42.747,
		lng: 20.789,
		population: 50900
	},
	{
		code: 'dragash',
		nameSq: 'Dragash',
		nameSr: 'Dragaš',
		nameEn: 'Dragash',
		lat: 42.061,
		lng: 20.653,
		population: 34000
	},
	{
		code: 'fushe-kosove',
		nameSq: 'Fushë Kosovë',
		nameSr: 'Kosovo Polje',
		nameEn: 'Fushë Kosova',
		lat: 42.64,
		lng: 21.096,
		population: 34800
	},
	{
		code: 'kacanik',
		nameSq: 'Kaçanik',
		nameSr: 'Kačanik',
		nameEn: 'Kaçanik',
		lat: 42.232,
		lng: 21.259,
		population: 33400
	},
	{ code: 'shtime', nameSq: 'Shtime', nameSr: 'Štimlje', nameEn: 'Shtime', lat: 42.433, lng: 21.04, population: 27300 },
	{ code: 'obiliq', nameSq: 'Obiliq', nameSr: 'Obilić', nameEn: 'Obiliq', lat: 42.687, lng: 21.07, population: 21500 },
	{
		code: 'novoberde',
		nameSq: 'Novobërdë',
		nameSr: 'Novo Brdo',
		nameEn: 'Novo Brdo',
		lat: 42.615,
		lng: 21.428,
		population: 6700
	},
	{
		code: 'shterpce',
		nameSq: 'Shtërpcë',
		nameSr: 'Štrpce',
		nameEn: 'Štrpce',
		lat: 42.239,
		lng: 21.027,
		population: 6900
	},
	{
		code: 'hani-i-elezit',
		nameSq: 'Hani i Elezit',
		nameSr: 'Elez Han',
		nameEn: 'Elez Han',
		lat: 42.151,
		lng: 21.296,
		population: 9400
	},
	{
		code: 'mamushe',
		nameSq: 'Mamushë',
		nameSr: 'Mamuša',
		nameEn: 'Mamusha',
		lat: 42.325,
		lng: 20.727,
		population: 5500
	},
	{
		code: 'ranillug',
		nameSq: 'Ranillug',
		nameSr: 'Ranilug',
		nameEn: 'Ranilug',
		lat: 42.492,
		lng: 21.599,
		population: 3900
	},
	{ code: 'kllokot', nameSq: 'Kllokot', nameSr: 'Klokot', nameEn: 'Klokot', lat: 42.37, lng: 21.373, population: 2600 },
	{
		code: 'zubin-potok',
		nameSq: 'Zubin Potok',
		nameSr: 'Zubin Potok',
		nameEn: 'Zubin Potok',
		lat: 42.914,
		lng: 20.69,
		population: 14900
	},
	{
		code: 'mitrovice-veriore',
		nameSq: 'Mitrovicë e Veriut',
		nameSr: 'Severna Mitrovica',
		nameEn: 'North Mitrovica',
		lat: 42.897,
		lng: 20.866,
		population: 29500
	}
];

/** Municipalities where Serbian is the language of most signs and names (Serb-majority). */
export const serbianMajorityCodes: ReadonlySet<string> = new Set([
	'gracanice',
	'partesh',
	'zvecan',
	'leposaviq',
	'novoberde',
	'shterpce',
	'ranillug',
	'kllokot',
	'zubin-potok',
	'mitrovice-veriore'
]);
