/**
 * Indicator questions asked of a person in private, through an independent interpreter where
 * needed. Each points to a concept of indicator catalogue version 2, so one answer counts in every
 * list the person is screened on (screening/screenLists.ts). Core questions first, short enough for
 * a night interview; the rest under "more". Questions the venue observations can answer name them
 * (`observedFrom`): the screen proposes them as observed by the team, and the inspector confirms or
 * removes them for each person. docs/DOMAIN.md lists which concepts have no question and why.
 */
import { text } from '../../text.ts';
import type { ChecklistSection } from '../template.ts';
import { ask, counted, seen } from './build.ts';

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
			'recruited_by_partner',
			'vulnerable_recruitment.emotional_dependency',
			text(
				'Were you recruited by a boyfriend or partner (a “lover boy”), or by someone you depended on emotionally?',
				'A ju rekrutoi një i dashur ose partner (një “lover boy”), ose dikush nga i cili vareshit emocionalisht?',
				'Da li vas je vrbovao dečko ili partner („lover boy“), ili neko od koga ste emocionalno zavisili?'
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
			'debt_to_come_here',
			'coercive.debt_bondage',
			text(
				'Did you take on a debt for the travel or the job that you must now work off?',
				'A morët borxh për udhëtimin ose punën, që tani duhet ta shlyeni duke punuar?',
				'Da li ste se zadužili za put ili posao, pa sada dug morate da odradite?'
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
			'deceived_about_conditions',
			'deceptive.conditions_of_work',
			text(
				'Are the hours or the conditions of work worse than you were promised?',
				'A janë orari ose kushtet e punës më të këqija se ç’ju premtuan?',
				'Da li su radno vreme ili uslovi rada gori nego što vam je obećano?'
			),
			{ more: true }
		),
		ask(
			'deceived_about_contract',
			'deceptive.work_contract',
			text(
				'Is your contract different from what you agreed, or is it not valid?',
				'A është kontrata juaj ndryshe nga ajo që u pajtuat, apo nuk është e vlefshme?',
				'Da li se vaš ugovor razlikuje od dogovorenog, ili nije važeći?'
			),
			{ more: true }
		),
		ask(
			'deceived_about_papers',
			'deceptive.legal_documents',
			text(
				'Were you promised papers (a work or residence permit) that you did not get?',
				'A ju premtuan dokumente (leje pune ose qëndrimi) që nuk i morët?',
				'Da li su vam obećani papiri (radna ili boravišna dozvola) koje niste dobili?'
			),
			{ more: true }
		),
		ask(
			'deceived_about_housing',
			'deceptive.housing',
			text(
				'Is where you live worse than you were promised?',
				'A është vendi ku jetoni më i keq se ç’ju premtuan?',
				'Da li je mesto gde živite gore nego što vam je obećano?'
			),
			{ more: true }
		),
		ask(
			'deceived_about_travel',
			'deceptive.travel_and_recruitment',
			text(
				'Were you lied to about the journey or about how you would be brought here?',
				'A ju gënjyen për udhëtimin ose për mënyrën si do t’ju sillnin këtu?',
				'Da li su vas slagali o putovanju ili o tome kako ćete biti dovedeni ovde?'
			),
			{ more: true }
		),
		ask(
			'deceived_about_family_joining',
			'deceptive.family_reunification',
			text(
				'Were you promised that your family could join you, and it did not happen?',
				'A ju premtuan se familja do t’ju bashkohej, dhe kjo nuk ndodhi?',
				'Da li vam je obećano da će vam se porodica pridružiti, a to se nije desilo?'
			),
			{ more: true }
		),
		ask(
			'deceived_about_school',
			'deceptive.education',
			text(
				'Were you promised school, training or studies that you did not get?',
				'A ju premtuan shkollë, trajnim ose studime që nuk i morët?',
				'Da li vam je obećana škola, obuka ili studije koje niste dobili?'
			),
			{ more: true }
		),
		ask(
			'papers_taken_on_the_way',
			'coercive.confiscation_of_documents',
			text(
				'Were your documents taken from you on the way here?',
				'A jua morën dokumentet gjatë rrugës për këtu?',
				'Da li su vam oduzeta dokumenta na putu ovamo?'
			),
			{ more: true }
		),
		ask(
			'watched_on_the_way',
			'coercive.isolation_confinement_surveillance',
			text(
				'Were you locked in, watched or kept apart from others on the way here?',
				'A ju mbyllën, ju mbikëqyrën ose ju mbajtën të veçuar gjatë rrugës për këtu?',
				'Da li ste na putu ovamo bili zaključani, nadzirani ili odvojeni od drugih?'
			),
			{ more: true }
		),
		ask(
			'threatened_with_reporting_then',
			'coercive.threat_of_denunciation',
			text(
				'To make you come, were you threatened with being reported to the police or the authorities?',
				'Që të vinit, a ju kërcënuan se do t’ju denonconin në polici ose te autoritetet?',
				'Da biste došli, da li su vam pretili prijavom policiji ili vlastima?'
			),
			{ more: true }
		),
		ask(
			'threatened_to_tell_then',
			'coercive.threat_to_inform_family',
			text(
				'To make you come, were you threatened that your family or others would be told things about you, or that photos or videos of you would be published?',
				'Që të vinit, a ju kërcënuan se do t’i tregonin familjes ose të tjerëve për ju, ose se do të publikonin foto ose video tuajat?',
				'Da biste došli, da li su vam pretili da će reći porodici ili drugima nešto o vama, ili objaviti vaše fotografije ili snimke?'
			),
			{ more: true }
		),
		ask(
			'family_harmed_then',
			'coercive.violence_on_family',
			text(
				'To make you come, was your family threatened or harmed?',
				'Që të vinit, a u kërcënua ose u dëmtua familja juaj?',
				'Da biste došli, da li je vašoj porodici prećeno ili je povređena?'
			),
			{ more: true }
		),
		ask(
			'money_kept_then',
			'coercive.withholding_of_money',
			text(
				'To make you come, was your money kept from you?',
				'Që të vinit, a jua mbajtën paratë?',
				'Da biste došli, da li vam je zadržan novac?'
			),
			{ more: true }
		),
		ask(
			'family_hardship_used',
			'vulnerable_recruitment.difficult_family_situation',
			text(
				'Did the person who recruited you take advantage of a difficult situation in your family?',
				'A e shfrytëzoi personi që ju rekrutoi një situatë të vështirë në familjen tuaj?',
				'Da li je osoba koja vas je vrbovala iskoristila tešku situaciju u vašoj porodici?'
			),
			{ more: true }
		),
		ask(
			'could_not_understand_terms',
			'vulnerable_recruitment.lack_of_education',
			text(
				'When you were recruited, did you lack the schooling or the language to understand what you agreed to?',
				'Kur ju rekrutuan, a ju mungonte shkollimi ose gjuha për të kuptuar se për çfarë u pajtuat?',
				'Kada ste vrbovani, da li vam je nedostajalo obrazovanja ili znanja jezika da razumete na šta pristajete?'
			),
			{ more: true }
		),
		ask(
			'no_papers',
			'vulnerable_recruitment.irregular_status',
			text(
				'Did you come or stay here without the papers you need (visa, work or residence permit)?',
				'A erdhët ose qëndroni këtu pa dokumentet e nevojshme (vizë, leje pune ose qëndrimi)?',
				'Da li ste došli ili boravite ovde bez potrebnih papira (viza, radna ili boravišna dozvola)?'
			),
			{ more: true, observedFrom: [seen('foreign_workers_permitted', 'no')] }
		),
		ask(
			'knew_little',
			'vulnerable_recruitment.lack_of_information',
			text(
				'Did you know little about this country, the work or your rights before you came?',
				'A dinit pak për këtë vend, punën ose të drejtat tuaja para se të vinit?',
				'Da li ste pre dolaska malo znali o ovoj zemlji, poslu ili svojim pravima?'
			),
			{ more: true }
		),
		ask(
			'recruiters_in_control',
			'vulnerable_recruitment.control_by_exploiters',
			text(
				'Did the people who brought you decide everything for you (travel, papers, money)?',
				'A vendosnin për gjithçka në vendin tuaj njerëzit që ju sollën (udhëtimin, dokumentet, paratë)?',
				'Da li su ljudi koji su vas doveli odlučivali o svemu umesto vas (put, papiri, novac)?'
			),
			{ more: true }
		),
		ask(
			'needed_money',
			'vulnerable_recruitment.economic_reasons',
			text(
				'Did you take this because you or your family urgently needed money?',
				'A e pranuat këtë sepse ju ose familja juaj kishit nevojë urgjente për para?',
				'Da li ste ovo prihvatili jer vama ili vašoj porodici hitno treba novac?'
			),
			{ more: true }
		),
		ask(
			'told_success_abroad',
			'vulnerable_recruitment.false_information_on_migration',
			text(
				'Were you told that people who come here easily earn well and succeed?',
				'A ju thanë se njerëzit që vijnë këtu fitojnë mirë dhe ia dalin lehtë?',
				'Da li su vam rekli da ljudi koji dođu ovde lako dobro zarade i uspeju?'
			),
			{ more: true }
		),
		ask(
			'told_false_law',
			'vulnerable_recruitment.false_information_on_law',
			text(
				'Were you told false things about the law or the police here, for example that you would be arrested if you spoke to them?',
				'A ju thanë gjëra të rreme për ligjin ose policinë këtu, për shembull se do t’ju arrestonin nëse flisnit me ta?',
				'Da li su vam rekli neistine o zakonu ili policiji ovde, na primer da ćete biti uhapšeni ako razgovarate s njima?'
			),
			{ more: true }
		),
		ask(
			'hard_personal_situation',
			'vulnerable_recruitment.personal_situation',
			text(
				'When you were recruited, were you in a hard situation (no home, illness, violence at home, alone)?',
				'Kur ju rekrutuan, a ishit në një situatë të vështirë (pa shtëpi, sëmundje, dhunë në shtëpi, vetëm)?',
				'Kada ste vrbovani, da li ste bili u teškoj situaciji (bez doma, bolest, nasilje u kući, sami)?'
			),
			{ more: true }
		),
		ask(
			'travel_arranged_by_them',
			'vulnerable_recruitment.difficulty_organising_travel',
			text(
				'Could you only travel here because they arranged the journey and the papers?',
				'A mund të udhëtonit këtu vetëm sepse ata organizuan udhëtimin dhe dokumentet?',
				'Da li ste mogli da doputujete samo zato što su oni organizovali put i papire?'
			),
			{ more: true }
		),
		ask(
			'beliefs_used',
			'vulnerable_recruitment.cultural_or_religious_beliefs',
			text(
				'Were beliefs, oaths or rituals used to make you agree or to keep you quiet?',
				'A u përdorën besime, betime ose rituale që të pajtoheshit ose të heshtnit?',
				'Da li su korišćena verovanja, zakletve ili rituali da biste pristali ili ćutali?'
			),
			{ more: true }
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
			),
			{ observedFrom: [seen('wages_at_least_minimum', 'no')] }
		),
		ask(
			'hazardous_work',
			'exploitative.hazardous_work',
			text(
				'Is your work dangerous to your health or safety?',
				'A është puna juaj e rrezikshme për shëndetin ose sigurinë tuaj?',
				'Da li je vaš posao opasan po vaše zdravlje ili bezbednost?'
			),
			{ observedFrom: [seen('health_safety_hazards'), counted('minors_present')] }
		),
		ask(
			'bad_living_conditions',
			'exploitative.bad_living_conditions',
			text(
				'Are the place where you sleep, or the food you get, bad?',
				'A janë të këqija vendi ku flini ose ushqimi që merrni?',
				'Da li su mesto gde spavate ili hrana koju dobijate loši?'
			),
			{ more: true }
		),
		ask(
			'pay_deductions',
			'exploitative.wage_manipulation',
			text(
				'Is money taken from your pay for fines, food, housing or debts?',
				'A ju mbahen para nga paga për gjoba, ushqim, strehim ose borxhe?',
				'Da li vam se od plate odbija novac za kazne, hranu, smeštaj ili dugove?'
			),
			{ more: true }
		),
		ask(
			'no_contract_or_insurance',
			'exploitative.no_social_protection',
			text(
				'Do you work without a contract, or without social or health insurance?',
				'A punoni pa kontratë, ose pa sigurim social ose shëndetësor?',
				'Da li radite bez ugovora, ili bez socijalnog ili zdravstvenog osiguranja?'
			),
			{ more: true, observedFrom: [seen('written_contracts', 'no'), seen('social_insurance', 'no')] }
		),
		ask(
			'labour_law_broken',
			'exploitative.labour_law_not_respected',
			text(
				'Are you denied breaks, rest days, holidays or sick leave?',
				'A ju mohohen pushimet, ditët e lira, pushimet vjetore ose pushimi mjekësor?',
				'Da li vam se uskraćuju pauze, slobodni dani, odmor ili bolovanje?'
			),
			{ more: true }
		),
		ask(
			'degrading_conditions',
			'exploitative.very_bad_working_conditions',
			text(
				'Are you made to work in degrading conditions, for example with clients without protection?',
				'A ju detyrojnë të punoni në kushte poshtëruese, për shembull me klientë pa mbrojtje?',
				'Da li vas teraju da radite u ponižavajućim uslovima, na primer s klijentima bez zaštite?'
			),
			{ more: true }
		),
		ask(
			'kept_from_school',
			'exploitative.no_access_to_education',
			text(
				'(A child) Are you kept from going to school?',
				'(Fëmijë) A ju pengojnë të shkoni në shkollë?',
				'(Dete) Da li vas sprečavaju da idete u školu?'
			),
			{ more: true }
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
			),
			{ observedFrom: [seen('documents_held_by_manager')] }
		),
		ask(
			'confined_or_watched',
			'coercion.isolation_confinement_surveillance',
			text(
				'Are you locked in, watched, or not allowed to go out alone?',
				'A ju mbyllin brenda, ju mbikëqyrin ose nuk ju lejojnë të dilni vetëm?',
				'Da li vas zaključavaju, nadziru ili vam ne dozvoljavaju da izlazite sami?'
			),
			{ observedFrom: [seen('exits_blocked'), seen('cameras_on_staff'), seen('workers_not_speaking_alone')] }
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
			'forced_to_lie',
			'coercion.forced_to_lie',
			text(
				'Were you told what to say to the police, inspectors or your family, for example that you only work as a waitress or dancer?',
				'A ju thanë çfarë t’u thoni policisë, inspektorëve ose familjes, për shembull se punoni vetëm si kamariere ose valltare?',
				'Da li su vam rekli šta da kažete policiji, inspektorima ili porodici, na primer da radite samo kao konobarica ili plesačica?'
			)
		),
		ask(
			'threatened_to_tell',
			'coercion.threat_to_inform_family',
			text(
				'Has anyone threatened to tell your family or others about your work, or to publish photos or videos of you?',
				'A ju ka kërcënuar dikush se do t’i tregojë familjes ose të tjerëve për punën tuaj, ose se do të publikojë foto ose video tuajat?',
				'Da li vam je neko pretio da će reći porodici ili drugima o vašem poslu, ili objaviti vaše fotografije ili snimke?'
			)
		),
		ask(
			'threatened_with_reporting',
			'coercion.threat_of_denunciation',
			text(
				'Have you been threatened with being reported to the police or the immigration authorities?',
				'A ju kanë kërcënuar se do t’ju denoncojnë në polici ose te autoritetet e migracionit?',
				'Da li su vam pretili da će vas prijaviti policiji ili imigracionim vlastima?'
			),
			{ more: true }
		),
		ask(
			'family_threatened',
			'coercion.violence_on_family',
			text(
				'Has your family been threatened or harmed?',
				'A është kërcënuar ose dëmtuar familja juaj?',
				'Da li je vašoj porodici prećeno ili je povređena?'
			),
			{ more: true }
		),
		ask(
			'forced_illicit',
			'coercion.forced_into_illicit_activities',
			text(
				'Are you made to beg, steal, carry or sell drugs, or do other illegal things?',
				'A ju detyrojnë të lypni, të vidhni, të bartni ose shitni drogë, ose të bëni gjëra të tjera të paligjshme?',
				'Da li vas teraju da prosite, kradete, nosite ili prodajete drogu, ili radite druge nezakonite stvari?'
			),
			{ more: true }
		),
		ask(
			'forced_against_others',
			'coercion.forced_to_act_against_peers',
			text(
				'Are you made to watch, punish or recruit other workers?',
				'A ju detyrojnë të mbikëqyrni, ndëshkoni ose rekrutoni punëtorë të tjerë?',
				'Da li vas teraju da nadzirete, kažnjavate ili vrbujete druge radnike?'
			),
			{ more: true }
		),
		ask(
			'threatened_worse',
			'coercion.threat_of_worse_conditions',
			text(
				'Are you threatened with worse work or worse conditions if you do not obey?',
				'A ju kërcënojnë me punë ose kushte më të këqija nëse nuk bindeni?',
				'Da li vam prete težim poslom ili gorim uslovima ako ne poslušate?'
			),
			{ more: true }
		),
		ask(
			'under_influence',
			'coercion.under_strong_influence',
			text(
				'Does someone control what you do and say, so that you cannot decide for yourself?',
				'A kontrollon dikush çfarë bëni dhe thoni, aq sa nuk mund të vendosni vetë?',
				'Da li neko kontroliše šta radite i govorite, tako da ne možete sami da odlučujete?'
			),
			{ more: true }
		),
		ask(
			'depends_on_employer',
			'vulnerable_destination.dependency_on_exploiters',
			text(
				'Do you depend on your employer for housing, food or transport?',
				'A varet strehimi, ushqimi ose transporti juaj nga punëdhënësi?',
				'Da li zavisite od poslodavca za smeštaj, hranu ili prevoz?'
			),
			{ more: true, observedFrom: [seen('living_on_premises'), seen('brought_by_employer')] }
		),
		ask(
			'unfamiliar_place',
			'vulnerable_destination.unfamiliar_surroundings',
			text(
				'Is it hard for you to get by here because you do not know the language or the area?',
				'A e keni të vështirë t’ia dilni këtu sepse nuk e njihni gjuhën ose zonën?',
				'Da li vam je teško da se snađete ovde jer ne poznajete jezik ili kraj?'
			),
			{ more: true }
		),
		ask(
			'afraid_of_authorities',
			'vulnerable_destination.relationship_with_authorities',
			text(
				'Are you afraid of the authorities, for example of being deported?',
				'A keni frikë nga autoritetet, për shembull se do të dëboheni?',
				'Da li se plašite vlasti, na primer da ćete biti proterani?'
			),
			{ more: true }
		),
		ask(
			'family_depends_on_earnings',
			'vulnerable_destination.economic_reasons',
			text(
				'Does your family depend on what you earn here, so that you cannot afford to leave?',
				'A varet familja juaj nga ajo që fitoni këtu, aq sa nuk mund të largoheni?',
				'Da li vaša porodica zavisi od onoga što ovde zaradite, pa ne možete sebi da priuštite da odete?'
			),
			{ more: true }
		),
		ask(
			'family_situation',
			'vulnerable_destination.family_situation',
			text(
				'Does your family’s situation keep you here, for example children to feed or a family debt?',
				'A ju mban këtu situata e familjes, për shembull fëmijë për t’i ushqyer ose një borxh familjar?',
				'Da li vas ovde drži situacija u porodici, na primer deca koju treba hraniti ili porodični dug?'
			),
			{ more: true }
		),
		ask(
			'hard_past',
			'vulnerable_destination.difficulties_in_the_past',
			text(
				'Have you been through hard things before, such as violence, abuse or growing up in care?',
				'A keni kaluar më parë gjëra të vështira, si dhunë, abuzim ose rritje në institucion?',
				'Da li ste ranije prošli kroz teške stvari, kao što su nasilje, zlostavljanje ili odrastanje u ustanovi?'
			),
			{ more: true }
		),
		ask(
			'vulnerable_characteristics',
			'vulnerable_destination.personal_characteristics',
			text(
				'Does the person seem especially vulnerable (very young, pregnant, ill, disabled, dependent on drugs or alcohol)?',
				'A duket personi veçanërisht i cenueshëm (shumë i ri, shtatzënë, i sëmurë, me aftësi të kufizuara, i varur nga droga ose alkooli)?',
				'Da li osoba deluje posebno ranjivo (veoma mlada, trudna, bolesna, sa invaliditetom, zavisna od droga ili alkohola)?'
			),
			{ more: true }
		)
	]
};

export const personIndicatorSections: ChecklistSection[] = [recruitment, conditions, control];
