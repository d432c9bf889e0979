/**
 * The venue part of the default template: what the joint team observes on site. Each part has an
 * owner (domain/checklist/ownership.ts): the labour inspectorate's administrative questions, the
 * police's observations of coercion and crime, and what both see of the premises and the people.
 */
import { text } from '../../text.ts';
import type { ChecklistSection } from '../template.ts';
import { yesNo } from './build.ts';

const business: ChecklistSection = {
	id: 'venue_business',
	scope: 'venue',
	title: text('The business', 'Biznesi', 'Firma'),
	owner: 'labour',
	items: [
		yesNo(
			'business_registered',
			text(
				'Is the business registered, and was its licence shown?',
				'A është i regjistruar biznesi dhe a u tregua licenca e tij?',
				'Da li je firma registrovana i da li je pokazana njena dozvola za rad?'
			),
			{ required: true }
		),
		yesNo(
			'working_time_records',
			text(
				'Are records of working time kept?',
				'A mbahet evidenca e orarit të punës?',
				'Da li se vodi evidencija radnog vremena?'
			)
		),
		yesNo(
			'wages_at_least_minimum',
			text(
				'Are wages at or above the legal minimum wage?',
				'A janë pagat të barabarta me pagën minimale ligjore ose mbi të?',
				'Da li su plate jednake zakonskoj minimalnoj zaradi ili veće od nje?'
			)
		),
		yesNo(
			'documents_held_by_manager',
			text(
				'Does the manager hold workers’ identity documents?',
				'A i mban menaxheri dokumentet e identitetit të punëtorëve?',
				'Da li rukovodilac drži lične isprave radnika?'
			),
			{ owner: 'police' }
		)
	]
};

const workers: ChecklistSection = {
	id: 'venue_workers',
	scope: 'venue',
	title: text('Workers present', 'Punëtorët e pranishëm', 'Prisutni radnici'),
	items: [
		{
			id: 'women_present',
			kind: 'number',
			required: true,
			label: text(
				'Adult women working, present',
				'Gra të rritura që punojnë, të pranishme',
				'Prisutne odrasle žene koje rade'
			)
		},
		{
			id: 'men_present',
			kind: 'number',
			required: true,
			label: text(
				'Adult men working, present',
				'Burra të rritur që punojnë, të pranishëm',
				'Prisutni odrasli muškarci koji rade'
			)
		},
		{
			id: 'minors_present',
			kind: 'number',
			required: true,
			label: text('Minors working, present', 'Të mitur që punojnë, të pranishëm', 'Prisutni maloletnici koji rade'),
			help: text(
				'Anyone who appears to be under 18, girls and boys; not counted again above.',
				'Kushdo që duket nën 18 vjeç, vajza dhe djem; pa i numëruar sërish më lart.',
				'Svako ko izgleda mlađe od 18 godina, devojčice i dečaci; ne računaju se ponovo gore.'
			)
		},
		yesNo(
			'written_contracts',
			text(
				'Do all workers present have written contracts?',
				'A kanë të gjithë punëtorët e pranishëm kontrata me shkrim?',
				'Da li svi prisutni radnici imaju pisane ugovore?'
			),
			{ owner: 'labour' }
		),
		yesNo(
			'social_insurance',
			text(
				'Are all workers present registered for social insurance?',
				'A janë të gjithë punëtorët e pranishëm të regjistruar për sigurim social?',
				'Da li su svi prisutni radnici prijavljeni na socijalno osiguranje?'
			),
			{ owner: 'labour' }
		),
		yesNo(
			'foreign_workers',
			text('Are foreign workers present?', 'A ka punëtorë të huaj të pranishëm?', 'Da li su prisutni strani radnici?')
		),
		yesNo(
			'foreign_workers_permitted',
			text(
				'Do all foreign workers have work and residence permits?',
				'A kanë të gjithë punëtorët e huaj leje pune dhe qëndrimi?',
				'Da li svi strani radnici imaju radne i boravišne dozvole?'
			),
			{ showIf: { item: 'foreign_workers', equals: 'yes' }, owner: 'labour' }
		),
		yesNo(
			'brought_by_employer',
			text(
				'Are workers brought to and from work by the employer?',
				'A i sjell dhe i merr punëdhënësi punëtorët nga puna?',
				'Da li poslodavac dovozi i odvozi radnike sa posla?'
			)
		),
		yesNo(
			'workers_not_speaking_alone',
			text(
				'Are there workers who may not speak alone with inspectors, or for whom someone else speaks?',
				'A ka punëtorë që nuk lejohen të flasin vetëm me inspektorët, ose në emër të të cilëve flet dikush tjetër?',
				'Ima li radnika kojima nije dozvoljeno da sami razgovaraju sa inspektorima, ili umesto kojih govori neko drugi?'
			),
			{ owner: 'police' }
		)
	]
};

const premises: ChecklistSection = {
	id: 'venue_premises',
	scope: 'venue',
	title: text('The premises', 'Lokali', 'Prostorije'),
	items: [
		yesNo(
			'living_on_premises',
			text(
				'Do people live or sleep on the premises?',
				'A jetojnë ose flenë njerëz në lokal?',
				'Da li ljudi žive ili spavaju u prostorijama?'
			)
		),
		yesNo(
			'exits_blocked',
			text(
				'Are doors or windows locked from outside or barred, or are exits blocked?',
				'A janë dyert ose dritaret të mbyllura nga jashtë ose me hekura, apo daljet të bllokuara?',
				'Da li su vrata ili prozori zaključani spolja ili sa rešetkama, ili su izlazi blokirani?'
			),
			{ owner: 'police' }
		),
		yesNo(
			'cameras_on_staff',
			text(
				'Do cameras watch the staff areas?',
				'A i mbikëqyrin kamerat hapësirat e stafit?',
				'Da li kamere nadziru prostor za osoblje?'
			)
		),
		yesNo(
			'signs_of_sexual_services',
			text(
				'Are there rooms with beds, price lists or other signs of sexual services?',
				'A ka dhoma me shtretër, lista çmimesh ose shenja të tjera të shërbimeve seksuale?',
				'Ima li soba sa krevetima, cenovnika ili drugih znakova seksualnih usluga?'
			),
			{ owner: 'police' }
		),
		yesNo(
			'health_safety_hazards',
			text(
				'Are there health and safety hazards?',
				'A ka rreziqe për shëndetin dhe sigurinë?',
				'Ima li opasnosti po zdravlje i bezbednost?'
			),
			{ owner: 'labour' }
		),
		{
			id: 'health_safety_details',
			kind: 'text',
			label: text('Which hazards?', 'Cilat rreziqe?', 'Koje opasnosti?'),
			showIf: { item: 'health_safety_hazards', equals: 'yes' },
			owner: 'labour'
		}
	]
};

/** What only the police look for: a crime's instruments, kept off the labour inspectorate's phones. */
const policeObservations: ChecklistSection = {
	id: 'venue_police',
	scope: 'venue',
	title: text('Police observations', 'Vëzhgimet e policisë', 'Zapažanja policije'),
	owner: 'police',
	items: [
		yesNo(
			'weapons_seen',
			text('Were weapons seen on the premises?', 'A u panë armë në lokal?', 'Da li je u prostorijama viđeno oružje?')
		),
		yesNo(
			'drugs_seen',
			text(
				'Were drugs or signs of drug dealing seen?',
				'A u panë drogë ose shenja të shitjes së drogës?',
				'Da li su viđene droge ili znaci prodaje droge?'
			)
		)
	]
};

export const venueSections: ChecklistSection[] = [business, workers, premises, policeObservations];
