/**
 * Indicator questions asked of a person in private, through an interpreter where needed: a field
 * subset of the ILO/EC adult labour-exploitation list covering all six dimensions, with enough
 * questions in each that a dimension can reach the publication's threshold.
 */
import { text } from '../../text.ts';
import type { ChecklistSection } from '../template.ts';
import { ask } from './build.ts';

const recruitment: ChecklistSection = {
	id: 'person_recruitment',
	scope: 'person',
	title: text('Coming to this work', 'Ardhja në këtë punë', 'Dolazak na ovaj posao'),
	items: [
		ask(
			'deceived_about_job',
			'deceptive.nature_of_job',
			text(
				'Is the job, the workplace or the employer different from what you were promised?',
				'A është puna, vendi i punës ose punëdhënësi ndryshe nga ç’ju premtuan?',
				'Da li se posao, mesto rada ili poslodavac razlikuju od onoga što vam je obećano?'
			)
		),
		ask(
			'deceived_about_wages',
			'deceptive.wages',
			text(
				'Are you paid less than you were promised?',
				'A paguheni më pak se ç’ju premtuan?',
				'Da li ste plaćeni manje nego što vam je obećano?'
			)
		),
		ask(
			'deceived_about_conditions',
			'deceptive.conditions_of_work',
			text(
				'Are the hours or the conditions of work worse than you were promised?',
				'A janë orari ose kushtet e punës më të këqija se ç’ju premtuan?',
				'Da li su radno vreme ili uslovi rada gori nego što vam je obećano?'
			)
		),
		ask(
			'deceived_about_papers',
			'deceptive.legal_documents',
			text(
				'Were you promised papers (a work or residence permit) that you did not get?',
				'A ju premtuan dokumente (leje pune ose qëndrimi) që nuk i morët?',
				'Da li su vam obećani papiri (radna ili boravišna dozvola) koje niste dobili?'
			)
		),
		ask(
			'false_promise_of_marriage',
			'deceptive.marriage_or_adoption',
			text(
				'Were you brought here with a promise of marriage or of a relationship that was not kept?',
				'A ju sollën këtu me një premtim martese ose lidhjeje që nuk u mbajt?',
				'Da li ste dovedeni ovde uz obećanje braka ili veze koje nije ispunjeno?'
			)
		),
		ask(
			'hurt_to_bring_here',
			'coercive.violence_on_victim',
			text(
				'Were you hit or hurt to make you come here or take this work?',
				'A ju rrahën ose ju lënduan që të vinit këtu ose ta pranonit këtë punë?',
				'Da li ste tučeni ili povređivani da biste došli ovde ili prihvatili ovaj posao?'
			)
		),
		ask(
			'threatened_to_bring_here',
			'coercive.threat_of_violence',
			text(
				'Were you threatened when you were brought here?',
				'A ju kërcënuan kur ju sollën këtu?',
				'Da li su vam pretili kada su vas doveli ovde?'
			)
		),
		ask(
			'taken_or_sold',
			'coercive.abduction_forced_marriage_or_sale',
			text(
				'Were you taken, sold or married off against your will?',
				'A ju morën, ju shitën ose ju martuan kundër vullnetit tuaj?',
				'Da li ste odvedeni, prodati ili venčani protiv svoje volje?'
			)
		),
		ask(
			'debt_to_come_here',
			'coercive.debt_bondage',
			text(
				'Did you take on a debt for the travel or the job that you must now work off?',
				'A morët borxh për udhëtimin ose punën, që tani duhet ta shlyeni duke punuar?',
				'Da li ste se zadužili za put ili posao, pa sada dug morate da odradite?'
			)
		),
		ask(
			'family_hardship_used',
			'vulnerable_recruitment.difficult_family_situation',
			text(
				'Did the person who recruited you take advantage of a difficult situation in your family?',
				'A e shfrytëzoi personi që ju rekrutoi një situatë të vështirë në familjen tuaj?',
				'Da li je osoba koja vas je vrbovala iskoristila tešku situaciju u vašoj porodici?'
			)
		),
		ask(
			'could_not_understand_terms',
			'vulnerable_recruitment.lack_of_education',
			text(
				'When you were recruited, did you lack the schooling or the language to understand what you agreed to?',
				'Kur ju rekrutuan, a ju mungonte shkollimi ose gjuha për të kuptuar se për çfarë u pajtuat?',
				'Kada ste vrbovani, da li vam je nedostajalo obrazovanja ili znanja jezika da razumete na šta pristajete?'
			)
		),
		ask(
			'recruited_by_partner',
			'vulnerable_recruitment.emotional_dependency',
			text(
				'Were you recruited by a partner or by someone you depended on emotionally?',
				'A ju rekrutoi partneri ose dikush nga i cili vareshit emocionalisht?',
				'Da li vas je vrbovao partner ili neko od koga ste emocionalno zavisili?'
			)
		)
	]
};

const conditions: ChecklistSection = {
	id: 'person_conditions',
	scope: 'person',
	title: text('Work and living conditions', 'Kushtet e punës dhe të jetesës', 'Uslovi rada i života'),
	items: [
		ask(
			'excessive_hours',
			'exploitative.excessive_hours',
			text(
				'Do you work very long days, or without days off?',
				'A punoni ditë shumë të gjata, ose pa ditë pushimi?',
				'Da li radite veoma duge dane, ili bez slobodnih dana?'
			)
		),
		ask(
			'low_or_no_pay',
			'exploitative.low_or_no_wages',
			text(
				'Are you paid very little, or not at all?',
				'A paguheni shumë pak, ose aspak?',
				'Da li ste veoma malo plaćeni, ili uopšte niste plaćeni?'
			)
		),
		ask(
			'pay_deductions',
			'exploitative.wage_manipulation',
			text(
				'Is money taken from your pay for fines, food, housing or debts?',
				'A ju mbahen para nga paga për gjoba, ushqim, strehim ose borxhe?',
				'Da li vam se od plate odbija novac za kazne, hranu, smeštaj ili dugove?'
			)
		),
		ask(
			'bad_living_conditions',
			'exploitative.bad_living_conditions',
			text(
				'Are the place where you sleep, or the food you get, bad?',
				'A janë të këqija vendi ku flini ose ushqimi që merrni?',
				'Da li su mesto gde spavate ili hrana koju dobijate loši?'
			)
		),
		ask(
			'hazardous_work',
			'exploitative.hazardous_work',
			text(
				'Is your work dangerous to your health or safety?',
				'A është puna juaj e rrezikshme për shëndetin ose sigurinë tuaj?',
				'Da li je vaš posao opasan po vaše zdravlje ili bezbednost?'
			)
		),
		ask(
			'no_contract_or_insurance',
			'exploitative.no_social_protection',
			text(
				'Do you work without a contract, or without social or health insurance?',
				'A punoni pa kontratë, ose pa sigurim social ose shëndetësor?',
				'Da li radite bez ugovora, ili bez socijalnog ili zdravstvenog osiguranja?'
			)
		)
	]
};

const control: ChecklistSection = {
	id: 'person_control',
	scope: 'person',
	title: text('Freedom and control', 'Liria dhe kontrolli', 'Sloboda i kontrola'),
	items: [
		ask(
			'documents_kept_by_others',
			'coercion.confiscation_of_documents',
			text(
				'Does someone else keep your passport or identity card?',
				'A e mban dikush tjetër pasaportën ose letërnjoftimin tuaj?',
				'Da li neko drugi drži vaš pasoš ili ličnu kartu?'
			)
		),
		ask(
			'debt_keeps_here',
			'coercion.debt_bondage',
			text(
				'Do you owe a debt to your employer or someone else that keeps you from leaving?',
				'A i keni borxh punëdhënësit ose dikujt tjetër, gjë që ju pengon të largoheni?',
				'Da li dugujete poslodavcu ili nekom drugom, pa zbog toga ne možete da odete?'
			)
		),
		ask(
			'confined_or_watched',
			'coercion.isolation_confinement_surveillance',
			text(
				'Are you locked in, watched, or not allowed to go out alone?',
				'A ju mbyllin brenda, ju mbikëqyrin ose nuk ju lejojnë të dilni vetëm?',
				'Da li vas zaključavaju, nadziru ili vam ne dozvoljavaju da izlazite sami?'
			)
		),
		ask(
			'hurt_here',
			'coercion.violence_on_victim',
			text(
				'Has anyone here hit you, hurt you or abused you sexually?',
				'A ju ka rrahur, lënduar ose abuzuar seksualisht dikush këtu?',
				'Da li vas je neko ovde udario, povredio ili seksualno zlostavljao?'
			)
		),
		ask(
			'threatened_here',
			'coercion.threat_of_violence',
			text(
				'Has anyone threatened you with violence?',
				'A ju ka kërcënuar dikush me dhunë?',
				'Da li vam je neko pretio nasiljem?'
			)
		),
		ask(
			'forced_tasks_or_clients',
			'coercion.forced_tasks_or_clients',
			text(
				'Are you made to do tasks, or to serve clients, that you do not want to?',
				'A ju detyrojnë të kryeni detyra ose të shërbeni klientë që nuk dëshironi?',
				'Da li vas teraju da obavljate poslove ili uslužujete klijente koje ne želite?'
			)
		),
		ask(
			'wages_withheld',
			'coercion.withholding_of_wages',
			text(
				'Does the employer keep your wages, for example until a season ends or a debt is paid?',
				'A jua mban punëdhënësi pagën, për shembull deri në fund të sezonit ose derisa të shlyhet një borxh?',
				'Da li poslodavac zadržava vašu platu, na primer do kraja sezone ili dok se dug ne otplati?'
			)
		),
		ask(
			'threatened_with_reporting',
			'coercion.threat_of_denunciation',
			text(
				'Have you been threatened with being reported to the police or the immigration authorities?',
				'A ju kanë kërcënuar se do t’ju denoncojnë në polici ose te autoritetet e migracionit?',
				'Da li su vam pretili da će vas prijaviti policiji ili imigracionim vlastima?'
			)
		),
		ask(
			'family_threatened',
			'coercion.violence_on_family',
			text(
				'Has your family been threatened or harmed?',
				'A është kërcënuar ose dëmtuar familja juaj?',
				'Da li je vašoj porodici prećeno ili je povređena?'
			)
		),
		ask(
			'depends_on_employer',
			'vulnerable_destination.dependency_on_exploiters',
			text(
				'Do you depend on your employer for housing, food or transport?',
				'A varet strehimi, ushqimi ose transporti juaj nga punëdhënësi?',
				'Da li zavisite od poslodavca za smeštaj, hranu ili prevoz?'
			)
		),
		ask(
			'unfamiliar_place',
			'vulnerable_destination.unfamiliar_surroundings',
			text(
				'Is it hard for you to get by here because you do not know the language or the area?',
				'A e keni të vështirë t’ia dilni këtu sepse nuk e njihni gjuhën ose zonën?',
				'Da li vam je teško da se snađete ovde jer ne poznajete jezik ili kraj?'
			)
		),
		ask(
			'afraid_of_authorities',
			'vulnerable_destination.relationship_with_authorities',
			text(
				'Are you afraid of the authorities, for example of being deported?',
				'A keni frikë nga autoritetet, për shembull se do të dëboheni?',
				'Da li se plašite vlasti, na primer da ćete biti proterani?'
			)
		),
		ask(
			'family_depends_on_earnings',
			'vulnerable_destination.economic_reasons',
			text(
				'Does your family depend on what you earn here, so that you cannot afford to leave?',
				'A varet familja juaj nga ajo që fitoni këtu, aq sa nuk mund të largoheni?',
				'Da li vaša porodica zavisi od onoga što ovde zaradite, pa ne možete sebi da priuštite da odete?'
			)
		)
	]
};

export const personIndicatorSections: ChecklistSection[] = [recruitment, conditions, control];
