/**
 * Adults, labour exploitation — the recruitment dimensions (1–3) of the ILO/EC 2009 list.
 * Strengths follow the publication; texts are paraphrased.
 */
import { text } from '../../text.ts';
import { indicatorList } from './indicatorList.ts';

export const adultLabourRecruitment = indicatorList('adult', 'labour', [
	{
		key: 'nature_of_job',
		dimension: 1,
		strength: 'strong',
		text: text(
			'Deceived about the nature of the job, the place of work or the employer',
			'Mashtrim për natyrën e punës, vendin e punës ose punëdhënësin',
			'Obmana o prirodi posla, mestu rada ili poslodavcu'
		)
	},
	{
		key: 'conditions_of_work',
		dimension: 1,
		strength: 'medium',
		text: text('Deceived about the conditions of work', 'Mashtrim për kushtet e punës', 'Obmana o uslovima rada')
	},
	{
		key: 'work_contract',
		dimension: 1,
		strength: 'medium',
		text: text(
			'Deceived about the content or the legality of the work contract',
			'Mashtrim për përmbajtjen ose ligjshmërinë e kontratës së punës',
			'Obmana o sadržaju ili zakonitosti ugovora o radu'
		)
	},
	{
		key: 'family_reunification',
		dimension: 1,
		strength: 'medium',
		text: text(
			'Deceived about being joined by family members',
			'Mashtrim për bashkimin familjar',
			'Obmana o spajanju porodice'
		)
	},
	{
		key: 'housing',
		dimension: 1,
		strength: 'medium',
		text: text(
			'Deceived about housing and living conditions',
			'Mashtrim për strehimin dhe kushtet e jetesës',
			'Obmana o smeštaju i uslovima života'
		)
	},
	{
		key: 'legal_documents',
		dimension: 1,
		strength: 'medium',
		text: text(
			'Deceived about legal documents or about obtaining a legal migration status',
			'Mashtrim për dokumentet ligjore ose për marrjen e statusit të ligjshëm të migrantit',
			'Obmana o zakonskim dokumentima ili o dobijanju zakonitog statusa migranta'
		)
	},
	{
		key: 'travel_and_recruitment',
		dimension: 1,
		strength: 'medium',
		text: text(
			'Deceived about the conditions of travel and recruitment',
			'Mashtrim për kushtet e udhëtimit dhe të rekrutimit',
			'Obmana o uslovima putovanja i vrbovanja'
		)
	},
	{
		key: 'wages',
		dimension: 1,
		strength: 'medium',
		text: text('Deceived about wages or earnings', 'Mashtrim për pagën ose të ardhurat', 'Obmana o plati ili zaradi')
	},
	{
		key: 'marriage_or_adoption',
		dimension: 1,
		strength: 'medium',
		text: text(
			'Deceived by promises of marriage or adoption',
			'Mashtrim me premtime për martesë ose birësim',
			'Obmana obećanjima o braku ili usvojenju'
		)
	},
	{
		key: 'education',
		dimension: 1,
		strength: 'weak',
		text: text(
			'Deceived about access to education',
			'Mashtrim për mundësitë e arsimimit',
			'Obmana o mogućnostima obrazovanja'
		)
	},

	{
		key: 'violence_on_victim',
		dimension: 2,
		strength: 'strong',
		text: text('Violence used against the person', 'Dhunë ndaj personit', 'Nasilje nad osobom')
	},
	{
		key: 'abduction_forced_marriage_or_sale',
		dimension: 2,
		strength: 'medium',
		text: text(
			'Abducted, forced into marriage or adoption, or sold',
			'Rrëmbim, martesë ose birësim i detyruar, ose shitje e personit',
			'Otmica, prisilni brak ili usvojenje, ili prodaja osobe'
		)
	},
	{
		key: 'confiscation_of_documents',
		dimension: 2,
		strength: 'medium',
		text: text(
			'Identity or travel documents taken away',
			'Marrja e dokumenteve të identitetit ose të udhëtimit',
			'Oduzimanje ličnih ili putnih isprava'
		)
	},
	{
		key: 'debt_bondage',
		dimension: 2,
		strength: 'medium',
		text: text('Debt bondage', 'Robëri për borxh', 'Dužničko ropstvo')
	},
	{
		key: 'isolation_confinement_surveillance',
		dimension: 2,
		strength: 'medium',
		text: text(
			'Isolated, confined or kept under surveillance',
			'Izolim, mbyllje ose mbikëqyrje',
			'Izolacija, zatočenje ili nadzor'
		)
	},
	{
		key: 'threat_of_denunciation',
		dimension: 2,
		strength: 'medium',
		text: text(
			'Threatened with being reported to the authorities',
			'Kërcënim me denoncim te autoritetet',
			'Pretnja prijavom vlastima'
		)
	},
	{
		key: 'threat_of_violence',
		dimension: 2,
		strength: 'medium',
		text: text('Threatened with violence', 'Kërcënim me dhunë', 'Pretnja nasiljem')
	},
	{
		key: 'threat_to_inform_family',
		dimension: 2,
		strength: 'medium',
		text: text(
			'Threatened with telling the family, the community or the public',
			'Kërcënim se do të njoftohet familja, komuniteti ose publiku',
			'Pretnja da će biti obavešteni porodica, zajednica ili javnost'
		)
	},
	{
		key: 'violence_on_family',
		dimension: 2,
		strength: 'medium',
		text: text(
			'Violence, or threats of violence, against the family',
			'Dhunë ose kërcënim me dhunë ndaj familjes',
			'Nasilje ili pretnje nasiljem prema porodici'
		)
	},
	{
		key: 'withholding_of_money',
		dimension: 2,
		strength: 'medium',
		text: text('Money withheld', 'Mbajtja e parave', 'Zadržavanje novca')
	},

	{
		key: 'difficult_family_situation',
		dimension: 3,
		strength: 'medium',
		text: text(
			'A difficult family situation was taken advantage of',
			'Keqpërdorim i një situate të vështirë familjare',
			'Zloupotreba teške porodične situacije'
		)
	},
	{
		key: 'irregular_status',
		dimension: 3,
		strength: 'medium',
		text: text(
			'An irregular (illegal) status was taken advantage of',
			'Keqpërdorim i statusit të parregullt (të paligjshëm)',
			'Zloupotreba nezakonitog statusa'
		)
	},
	{
		key: 'lack_of_education',
		dimension: 3,
		strength: 'medium',
		text: text(
			'Lack of education or of the language was taken advantage of',
			'Keqpërdorim i mungesës së arsimimit ose të njohjes së gjuhës',
			'Zloupotreba nedostatka obrazovanja ili znanja jezika'
		)
	},
	{
		key: 'lack_of_information',
		dimension: 3,
		strength: 'medium',
		text: text(
			'Lack of information was taken advantage of',
			'Keqpërdorim i mungesës së informacionit',
			'Zloupotreba neinformisanosti'
		)
	},
	{
		key: 'control_by_exploiters',
		dimension: 3,
		strength: 'medium',
		text: text('Under the control of the exploiters', 'Nën kontrollin e shfrytëzuesve', 'Pod kontrolom eksploatatora')
	},
	{
		key: 'economic_reasons',
		dimension: 3,
		strength: 'medium',
		text: text(
			'Economic hardship (poverty, debts, people to support)',
			'Arsye ekonomike (varfëri, borxhe, persona për t’u mbajtur)',
			'Ekonomski razlozi (siromaštvo, dugovi, članovi porodice koje izdržava)'
		)
	},
	{
		key: 'false_information_on_migration',
		dimension: 3,
		strength: 'medium',
		text: text(
			'False information about how successful migration would be',
			'Informacion i rremë për suksesin e migrimit',
			'Lažne informacije o uspehu migracije'
		)
	},
	{
		key: 'false_information_on_law',
		dimension: 3,
		strength: 'medium',
		text: text(
			'False information about the law or the attitude of the authorities',
			'Informacion i rremë për ligjin ose qëndrimin e autoriteteve',
			'Lažne informacije o zakonu ili stavu vlasti'
		)
	},
	{
		key: 'family_situation',
		dimension: 3,
		strength: 'medium',
		text: text('Family situation', 'Situata familjare', 'Porodična situacija')
	},
	{
		key: 'personal_situation',
		dimension: 3,
		strength: 'medium',
		text: text('Difficult personal situation', 'Situatë e vështirë personale', 'Teška lična situacija')
	},
	{
		key: 'emotional_dependency',
		dimension: 3,
		strength: 'medium',
		text: text(
			'Psychological or emotional dependency (for example on a partner)',
			'Varësi psikologjike ose emocionale (për shembull nga partneri)',
			'Psihološka ili emocionalna zavisnost (na primer od partnera)'
		)
	},
	{
		key: 'relationship_with_authorities',
		dimension: 3,
		strength: 'medium',
		text: text(
			'Relationship with the authorities or legal status',
			'Marrëdhënia me autoritetet ose statusi ligjor',
			'Odnos sa vlastima ili pravni status'
		)
	},
	{
		key: 'difficulties_in_the_past',
		dimension: 3,
		strength: 'medium',
		text: text('Difficulties in the past', 'Vështirësi në të kaluarën', 'Teškoće u prošlosti')
	},
	{
		key: 'difficulty_organising_travel',
		dimension: 3,
		strength: 'medium',
		text: text(
			'Difficulty organising the travel',
			'Vështirësi në organizimin e udhëtimit',
			'Teškoće u organizovanju putovanja'
		)
	},
	{
		key: 'cultural_or_religious_beliefs',
		dimension: 3,
		strength: 'weak',
		text: text(
			'Cultural or religious beliefs were taken advantage of',
			'Keqpërdorim i besimeve kulturore ose fetare',
			'Zloupotreba kulturnih ili verskih uverenja'
		)
	},
	{
		key: 'general_context',
		dimension: 3,
		strength: 'weak',
		text: text(
			'General context (for example conflict, disaster or the political situation)',
			'Konteksti i përgjithshëm (për shembull konflikt, fatkeqësi ose situata politike)',
			'Opšti kontekst (na primer sukob, katastrofa ili politička situacija)'
		)
	}
]);
