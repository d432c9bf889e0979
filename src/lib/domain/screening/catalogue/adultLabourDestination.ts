/**
 * Adults, labour exploitation — the destination dimensions (4–6) of the ILO/EC 2009 list.
 * Coercive means that are medium during recruitment (documents, debt, confinement) are strong
 * here: the publication weighs them more once exploitation is under way.
 */
import { text } from '../../text.ts';
import { indicatorList } from './indicatorList.ts';

export const adultLabourDestination = indicatorList('adult', 'labour', [
	{
		key: 'excessive_hours',
		dimension: 4,
		strength: 'strong',
		text: text('Excessive working days or hours', 'Ditë ose orë pune të tepërta', 'Prekomerni radni dani ili sati')
	},
	{
		key: 'bad_living_conditions',
		dimension: 4,
		strength: 'medium',
		text: text('Bad living conditions', 'Kushte të këqija jetese', 'Loši uslovi života')
	},
	{
		key: 'hazardous_work',
		dimension: 4,
		strength: 'medium',
		text: text('Hazardous work', 'Punë e rrezikshme', 'Opasan rad')
	},
	{
		key: 'low_or_no_wages',
		dimension: 4,
		strength: 'medium',
		text: text('Low wages or no wages', 'Pagë e ulët ose aspak pagë', 'Niska plata ili bez plate')
	},
	{
		key: 'labour_law_not_respected',
		dimension: 4,
		strength: 'medium',
		text: text(
			'Labour law or the signed contract not respected',
			'Mosrespektim i ligjit të punës ose i kontratës së nënshkruar',
			'Nepoštovanje zakona o radu ili potpisanog ugovora'
		)
	},
	{
		key: 'no_social_protection',
		dimension: 4,
		strength: 'medium',
		text: text(
			'No social protection (no contract, no social insurance)',
			'Pa mbrojtje sociale (pa kontratë, pa sigurim social)',
			'Bez socijalne zaštite (bez ugovora, bez socijalnog osiguranja)'
		)
	},
	{
		key: 'very_bad_working_conditions',
		dimension: 4,
		strength: 'medium',
		text: text('Very bad working conditions', 'Kushte shumë të këqija pune', 'Veoma loši uslovi rada')
	},
	{
		key: 'wage_manipulation',
		dimension: 4,
		strength: 'medium',
		text: text(
			'Wages manipulated (for example unjustified deductions or fines)',
			'Manipulim me pagën (për shembull zbritje ose gjoba të pajustifikuara)',
			'Manipulisanje platom (na primer neopravdani odbici ili kazne)'
		)
	},
	{
		key: 'no_access_to_education',
		dimension: 4,
		strength: 'weak',
		text: text('No access to education', 'Pa qasje në arsim', 'Bez pristupa obrazovanju')
	},

	{
		key: 'confiscation_of_documents',
		dimension: 5,
		strength: 'strong',
		text: text(
			'Identity or travel documents taken away',
			'Marrja e dokumenteve të identitetit ose të udhëtimit',
			'Oduzimanje ličnih ili putnih isprava'
		)
	},
	{
		key: 'debt_bondage',
		dimension: 5,
		strength: 'strong',
		text: text('Debt bondage', 'Robëri për borxh', 'Dužničko ropstvo')
	},
	{
		key: 'isolation_confinement_surveillance',
		dimension: 5,
		strength: 'strong',
		text: text(
			'Isolated, confined or kept under surveillance',
			'Izolim, mbyllje ose mbikëqyrje',
			'Izolacija, zatočenje ili nadzor'
		)
	},
	{
		key: 'violence_on_victim',
		dimension: 5,
		strength: 'strong',
		text: text('Violence used against the person', 'Dhunë ndaj personit', 'Nasilje nad osobom')
	},
	{
		key: 'forced_into_illicit_activities',
		dimension: 5,
		strength: 'medium',
		text: text(
			'Forced into illicit or criminal activities',
			'Detyrim në veprimtari të paligjshme ose kriminale',
			'Prisiljavanje na nezakonite ili kriminalne radnje'
		)
	},
	{
		key: 'forced_tasks_or_clients',
		dimension: 5,
		strength: 'medium',
		text: text(
			'Forced to do particular tasks or to serve particular clients',
			'Detyrim për të kryer detyra të caktuara ose për të shërbyer klientë të caktuar',
			'Prisiljavanje na određene poslove ili na usluživanje određenih klijenata'
		)
	},
	{
		key: 'forced_to_act_against_peers',
		dimension: 5,
		strength: 'medium',
		text: text(
			'Forced to act against others in the same situation',
			'Detyrim për të vepruar kundër të tjerëve në të njëjtën situatë',
			'Prisiljavanje da deluje protiv drugih u istom položaju'
		)
	},
	{
		key: 'forced_to_lie',
		dimension: 5,
		strength: 'medium',
		text: text(
			'Forced to lie to the authorities, the family or others',
			'Detyrim për të gënjyer autoritetet, familjen ose të tjerët',
			'Prisiljavanje na laganje vlastima, porodici ili drugima'
		)
	},
	{
		key: 'threat_of_denunciation',
		dimension: 5,
		strength: 'medium',
		text: text(
			'Threatened with being reported to the authorities',
			'Kërcënim me denoncim te autoritetet',
			'Pretnja prijavom vlastima'
		)
	},
	{
		key: 'threat_of_worse_conditions',
		dimension: 5,
		strength: 'medium',
		text: text(
			'Threatened with even worse working conditions',
			'Kërcënim me kushte pune edhe më të këqija',
			'Pretnja još gorim uslovima rada'
		)
	},
	{
		key: 'threat_of_violence',
		dimension: 5,
		strength: 'medium',
		text: text('Threatened with violence', 'Kërcënim me dhunë', 'Pretnja nasiljem')
	},
	{
		key: 'under_strong_influence',
		dimension: 5,
		strength: 'medium',
		text: text(
			'Under the strong influence of the exploiters',
			'Nën ndikimin e fortë të shfrytëzuesve',
			'Pod jakim uticajem eksploatatora'
		)
	},
	{
		key: 'violence_on_family',
		dimension: 5,
		strength: 'medium',
		text: text(
			'Violence, or threats of violence, against the family',
			'Dhunë ose kërcënim me dhunë ndaj familjes',
			'Nasilje ili pretnje nasiljem prema porodici'
		)
	},
	{
		key: 'withholding_of_wages',
		dimension: 5,
		strength: 'medium',
		text: text('Wages withheld', 'Mbajtja e pagës', 'Zadržavanje plate')
	},
	{
		key: 'threat_to_inform_family',
		dimension: 5,
		strength: 'weak',
		text: text(
			'Threatened with telling the family, the community or the public',
			'Kërcënim se do të njoftohet familja, komuniteti ose publiku',
			'Pretnja da će biti obavešteni porodica, zajednica ili javnost'
		)
	},

	{
		key: 'dependency_on_exploiters',
		dimension: 6,
		strength: 'medium',
		text: text('Dependent on the exploiters', 'Varësi nga shfrytëzuesit', 'Zavisnost od eksploatatora')
	},
	{
		key: 'unfamiliar_surroundings',
		dimension: 6,
		strength: 'medium',
		text: text(
			'Difficulty living in an unfamiliar place (language, surroundings)',
			'Vështirësi për të jetuar në një vend të panjohur (gjuha, mjedisi)',
			'Teškoće života u nepoznatoj sredini (jezik, okruženje)'
		)
	},
	{
		key: 'economic_reasons',
		dimension: 6,
		strength: 'medium',
		text: text(
			'Economic hardship (poverty, debts, people to support)',
			'Arsye ekonomike (varfëri, borxhe, persona për t’u mbajtur)',
			'Ekonomski razlozi (siromaštvo, dugovi, članovi porodice koje izdržava)'
		)
	},
	{
		key: 'family_situation',
		dimension: 6,
		strength: 'medium',
		text: text('Family situation', 'Situata familjare', 'Porodična situacija')
	},
	{
		key: 'relationship_with_authorities',
		dimension: 6,
		strength: 'medium',
		text: text(
			'Relationship with the authorities or legal status (for example fear of deportation)',
			'Marrëdhënia me autoritetet ose statusi ligjor (për shembull frika nga dëbimi)',
			'Odnos sa vlastima ili pravni status (na primer strah od proterivanja)'
		)
	},
	{
		key: 'difficulties_in_the_past',
		dimension: 6,
		strength: 'weak',
		text: text('Difficulties in the past', 'Vështirësi në të kaluarën', 'Teškoće u prošlosti')
	},
	{
		key: 'personal_characteristics',
		dimension: 6,
		strength: 'weak',
		text: text(
			'Personal characteristics (for example belonging to a discriminated group)',
			'Karakteristika personale (për shembull përkatësia në një grup të diskriminuar)',
			'Lične karakteristike (na primer pripadnost diskriminisanoj grupi)'
		)
	}
]);
