import type { SeedTexts } from './types.ts';

export const sq: SeedTexts = {
	rights: {
		intro:
			'Ne jemi policia dhe inspektorët e punës së Kosovës. Duam të dimë nëse jeni të sigurt dhe nëse trajtoheni drejt në punë. Këtë mund ta lexoni në gjuhën tuaj.',
		free_help:
			'Nëse jeni mashtruar, detyruar ose shfrytëzuar, mund të merrni ndihmë: një vend të sigurt për të qëndruar, kujdes mjekësor, avokat dhe përkthyes. Ndihma është falas.',
		confidential:
			'Të dhënat tuaja janë të mbrojtura. Nuk ua japim as punëdhënësit tuaj, as njerëzve që ju sollën këtu.',
		reflection_period:
			'Nëse jeni viktimë e trafikimit, keni të paktën 90 ditë për t’u rikuperuar dhe për të vendosur me qetësi nëse doni të bashkëpunoni me policinë. Gjatë kësaj kohe mund të qëndroni në Kosovë dhe të merrni ndihmë.',
		not_punished: 'Nuk do të dënoheni për atë që ju detyruan të bëni.',
		helpline: 'Mund të telefononi për ndihmë në çdo kohë, falas:'
	},
	label: {
		rights_title: 'Të drejtat tuaja',
		start_questions: 'Përgjigjuni pyetjeve',
		questions_intro:
			'Lexoni çdo pyetje dhe prekni Po, Jo ose Nuk e di. Përgjigjet tuaja i ndihmojnë zyrtarët t’ju mbrojnë.',
		yes: 'Po',
		no: 'Jo',
		unclear: 'Nuk e di',
		back: 'Prapa',
		done: 'Faleminderit. Ju lutemi, ia ktheni telefonin zyrtarit.'
	},
	card: {
		deceived_about_job: 'A është puna, vendi i punës ose punëdhënësi ndryshe nga ç’ju premtuan?',
		deceived_about_wages: 'A paguheni më pak se ç’ju premtuan?',
		deceived_about_conditions: 'A janë orari ose kushtet e punës më të këqija se ç’ju premtuan?',
		deceived_about_papers: 'A ju premtuan dokumente (leje pune ose qëndrimi) që nuk i morët?',
		hurt_to_bring_here: 'A ju rrahën ose ju lënduan që të vinit këtu ose ta pranonit këtë punë?',
		threatened_to_bring_here: 'A ju kërcënuan kur ju sollën këtu?',
		taken_or_sold: 'A ju morën, ju shitën ose ju martuan kundër vullnetit tuaj?',
		debt_to_come_here: 'A morët borxh për udhëtimin ose punën, që tani duhet ta shlyeni duke punuar?',
		excessive_hours: 'A punoni ditë shumë të gjata, ose pa ditë pushimi?',
		low_or_no_pay: 'A paguheni shumë pak, ose aspak?',
		bad_living_conditions: 'A janë të këqija vendi ku flini ose ushqimi që merrni?',
		documents_kept_by_others: 'A e mban dikush tjetër pasaportën ose letërnjoftimin tuaj?',
		debt_keeps_here: 'A i keni borxh punëdhënësit ose dikujt tjetër, gjë që ju pengon të largoheni?',
		confined_or_watched: 'A ju mbyllin brenda, ju mbikëqyrin ose nuk ju lejojnë të dilni vetëm?',
		hurt_here: 'A ju ka rrahur, lënduar ose abuzuar seksualisht dikush këtu?',
		threatened_here: 'A ju ka kërcënuar dikush me dhunë?',
		forced_tasks_or_clients: 'A ju detyrojnë të kryeni detyra ose të shërbeni klientë që nuk dëshironi?',
		wages_withheld:
			'A jua mban punëdhënësi pagën, për shembull deri në fund të sezonit ose derisa të shlyhet një borxh?',
		threatened_with_reporting: 'A ju kanë kërcënuar se do t’ju denoncojnë në polici ose te autoritetet e migracionit?',
		family_threatened: 'A është kërcënuar ose dëmtuar familja juaj?',
		afraid_of_authorities: 'A keni frikë nga autoritetet, për shembull se do të dëboheni?'
	}
};
