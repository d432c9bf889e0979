import type { SeedTexts } from './types.ts';

/** Serbian in Latin script, as everywhere in Kontrolla. */
export const sr: SeedTexts = {
	rights: {
		intro:
			'Mi smo policija i inspektori rada Kosova. Želimo da znamo da li ste bezbedni i da li se prema vama na poslu postupa pravično. Ovo možete da pročitate na svom jeziku.',
		free_help:
			'Ako ste prevareni, primorani ili iskorišćavani, možete dobiti pomoć: bezbedno mesto za boravak, lekarsku pomoć, advokata i prevodioca. Pomoć je besplatna.',
		confidential: 'Vaši podaci su zaštićeni. Ne dajemo ih vašem poslodavcu niti ljudima koji su vas doveli ovde.',
		reflection_period:
			'Ako ste žrtva trgovine ljudima, imate najmanje 90 dana da se oporavite i da mirno odlučite da li želite da sarađujete sa policijom. Za to vreme možete da ostanete na Kosovu i da dobijate pomoć.',
		not_punished: 'Nećete biti kažnjeni za ono što ste bili primorani da uradite.',
		helpline: 'Možete besplatno da pozovete za pomoć u bilo koje vreme:'
	},
	label: {
		rights_title: 'Vaša prava',
		start_questions: 'Odgovorite na pitanja',
		questions_intro:
			'Pročitajte svako pitanje i dodirnite Da, Ne ili Ne znam. Vaši odgovori pomažu službenicima da vas zaštite.',
		yes: 'Da',
		no: 'Ne',
		unclear: 'Ne znam',
		back: 'Nazad',
		done: 'Hvala. Molimo vas, vratite telefon službeniku.'
	},
	card: {
		deceived_about_job: 'Da li se posao, mesto rada ili poslodavac razlikuju od onoga što vam je obećano?',
		deceived_about_wages: 'Da li ste plaćeni manje nego što vam je obećano?',
		deceived_about_conditions: 'Da li su radno vreme ili uslovi rada gori nego što vam je obećano?',
		deceived_about_papers: 'Da li su vam obećani papiri (radna ili boravišna dozvola) koje niste dobili?',
		hurt_to_bring_here: 'Da li ste tučeni ili povređivani da biste došli ovde ili prihvatili ovaj posao?',
		threatened_to_bring_here: 'Da li su vam pretili kada su vas doveli ovde?',
		taken_or_sold: 'Da li ste odvedeni, prodati ili venčani protiv svoje volje?',
		debt_to_come_here: 'Da li ste se zadužili za put ili posao, pa sada dug morate da odradite?',
		excessive_hours: 'Da li radite veoma duge dane, ili bez slobodnih dana?',
		low_or_no_pay: 'Da li ste veoma malo plaćeni, ili uopšte niste plaćeni?',
		bad_living_conditions: 'Da li su mesto gde spavate ili hrana koju dobijate loši?',
		documents_kept_by_others: 'Da li neko drugi drži vaš pasoš ili ličnu kartu?',
		debt_keeps_here: 'Da li dugujete poslodavcu ili nekom drugom, pa zbog toga ne možete da odete?',
		confined_or_watched: 'Da li vas zaključavaju, nadziru ili vam ne dozvoljavaju da izlazite sami?',
		hurt_here: 'Da li vas je neko ovde udario, povredio ili seksualno zlostavljao?',
		threatened_here: 'Da li vam je neko pretio nasiljem?',
		forced_tasks_or_clients: 'Da li vas teraju da obavljate poslove ili uslužujete klijente koje ne želite?',
		wages_withheld: 'Da li poslodavac zadržava vašu platu, na primer do kraja sezone ili dok se dug ne otplati?',
		threatened_with_reporting: 'Da li su vam pretili da će vas prijaviti policiji ili imigracionim vlastima?',
		family_threatened: 'Da li je vašoj porodici prećeno ili je povređena?',
		afraid_of_authorities: 'Da li se plašite vlasti, na primer da ćete biti proterani?'
	}
};
