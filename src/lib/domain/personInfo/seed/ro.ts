import type { SeedTexts } from './types.ts';

export const ro: SeedTexts = {
	rights: {
		intro:
			'Suntem poliția și inspectorii de muncă din Kosovo. Vrem să știm dacă sunteți în siguranță și dacă sunteți tratat(ă) corect la muncă. Puteți citi acest text în limba dumneavoastră.',
		free_help:
			'Dacă ați fost înșelat(ă), forțat(ă) sau exploatat(ă), puteți primi ajutor: un loc sigur unde să stați, îngrijire medicală, un avocat și un interpret. Ajutorul este gratuit.',
		confidential:
			'Datele dumneavoastră sunt protejate. Nu le dăm angajatorului dumneavoastră și nici persoanelor care v-au adus aici.',
		reflection_period:
			'Dacă sunteți victimă a traficului de persoane, aveți cel puțin 90 de zile ca să vă recuperați și să decideți liniștit(ă) dacă doriți să colaborați cu poliția. În acest timp puteți rămâne în Kosovo și puteți primi ajutor.',
		not_punished: 'Nu veți fi pedepsit(ă) pentru ceea ce ați fost forțat(ă) să faceți.',
		helpline: 'Puteți suna oricând pentru ajutor, gratuit:'
	},
	label: {
		rights_title: 'Drepturile dumneavoastră',
		start_questions: 'Răspundeți la întrebări',
		questions_intro:
			'Citiți fiecare întrebare și apăsați Da, Nu sau Nu știu. Răspunsurile dumneavoastră îi ajută pe ofițeri să vă protejeze.',
		yes: 'Da',
		no: 'Nu',
		unclear: 'Nu știu',
		back: 'Înapoi',
		done: 'Vă mulțumim. Vă rugăm să dați telefonul înapoi ofițerului.'
	},
	card: {
		deceived_about_job: 'Munca, locul de muncă sau angajatorul sunt diferite de ce vi s-a promis?',
		deceived_about_wages: 'Sunteți plătit(ă) mai puțin decât vi s-a promis?',
		deceived_about_conditions: 'Programul sau condițiile de muncă sunt mai rele decât vi s-a promis?',
		deceived_about_papers: 'Vi s-au promis acte (permis de muncă sau de ședere) pe care nu le-ați primit?',
		hurt_to_bring_here: 'Ați fost lovit(ă) sau rănit(ă) ca să veniți aici sau să acceptați această muncă?',
		threatened_to_bring_here: 'Ați fost amenințat(ă) când ați fost adus(ă) aici?',
		taken_or_sold: 'Ați fost luat(ă), vândut(ă) sau căsătorit(ă) împotriva voinței dumneavoastră?',
		debt_to_come_here:
			'V-ați îndatorat pentru drum sau pentru această muncă și acum trebuie să plătiți datoria muncind?',
		excessive_hours: 'Lucrați zile foarte lungi sau fără zile libere?',
		low_or_no_pay: 'Sunteți plătit(ă) foarte puțin sau deloc?',
		bad_living_conditions: 'Locul unde dormiți sau mâncarea pe care o primiți sunt rele?',
		documents_kept_by_others: 'Vă ține altcineva pașaportul sau cartea de identitate?',
		debt_keeps_here: 'Datorați bani angajatorului sau altcuiva și din cauza asta nu puteți pleca?',
		confined_or_watched: 'Sunteți încuiat(ă), supravegheat(ă) sau nu aveți voie să ieșiți singur(ă)?',
		hurt_here: 'V-a lovit, v-a rănit sau v-a abuzat sexual cineva aici?',
		threatened_here: 'V-a amenințat cineva cu violență?',
		forced_tasks_or_clients:
			'Sunteți obligat(ă) să faceți munci sau să serviți clienți împotriva voinței dumneavoastră?',
		wages_withheld:
			'Vă reține angajatorul salariul, de exemplu până la sfârșitul sezonului sau până se plătește o datorie?',
		threatened_with_reporting:
			'Ați fost amenințat(ă) că veți fi denunțat(ă) la poliție sau la autoritățile de imigrare?',
		family_threatened: 'Familia dumneavoastră a fost amenințată sau rănită?',
		afraid_of_authorities: 'Vă este frică de autorități, de exemplu că veți fi expulzat(ă)?'
	}
};
