/**
 * The anonymous profile of a person spoken to: the breakdowns of the national reports (sex, age
 * band, nationality, education, means of recruitment, form of exploitation). No names are recorded.
 */
import { text, type Text } from '../../text.ts';
import type { ChecklistSection } from '../template.ts';
import { ageBands, type AgeBand } from '../../screening/screen.ts';

const option = (id: string, label: Text) => ({ id, label });

const namedAgeBands: Partial<Record<AgeBand, Text>> = {
	under_14: text('Under 14', 'Nën 14', 'Mlađi od 14'),
	over_50: text('Over 50', 'Mbi 50', 'Stariji od 50'),
	unknown: text('Unknown', 'E panjohur', 'Nepoznato')
};

// Option ids are the age bands themselves, so a person's answer is their recorded band.
const ageBandOptions = ageBands.map((band) => {
	const range = band.replace('_', '–');
	return option(band, namedAgeBands[band] ?? text(range, range, range));
});

export const personProfileSection: ChecklistSection = {
	id: 'person_profile',
	scope: 'person',
	title: text('About the person', 'Për personin', 'O osobi'),
	items: [
		{
			id: 'sex',
			kind: 'choice',
			required: true,
			label: text('Sex', 'Gjinia', 'Pol'),
			options: [
				option('female', text('Female', 'Femër', 'Žensko')),
				option('male', text('Male', 'Mashkull', 'Muško')),
				option('not_stated', text('Not stated', 'E padeklaruar', 'Nije navedeno'))
			]
		},
		{
			id: 'age_band',
			kind: 'choice',
			required: true,
			options: ageBandOptions,
			label: text('Age', 'Mosha', 'Starost'),
			help: text(
				'If the person may be under 18, choose a minor band.',
				'Nëse personi mund të jetë nën 18 vjeç, zgjidhni një grupmoshë të të miturve.',
				'Ako osoba može biti mlađa od 18 godina, izaberite starosnu grupu maloletnika.'
			)
		},
		{
			// Presumption of minority: an unknown age that may be under 18 is screened as a child's.
			id: 'may_be_minor',
			kind: 'yesNo',
			required: true,
			showIf: { item: 'age_band', equals: 'unknown' },
			label: text(
				'Could the person be under 18?',
				'A mund të jetë personi nën 18 vjeç?',
				'Da li osoba može biti mlađa od 18 godina?'
			),
			help: text(
				'If in doubt, answer yes: the person is treated as a child until the age is established.',
				'Nëse keni dyshim, përgjigjuni po: personi trajtohet si fëmijë derisa të përcaktohet mosha.',
				'Ako niste sigurni, odgovorite da: osoba se tretira kao dete dok se starost ne utvrdi.'
			)
		},
		{
			// An ISO 3166-1 code (XK for Kosovo) from a searchable list (domain/records/nationalityCodes.ts).
			id: 'nationality',
			kind: 'country',
			label: text('Nationality', 'Shtetësia', 'Državljanstvo')
		},
		{
			id: 'education',
			kind: 'choice',
			label: text('Education', 'Arsimi', 'Obrazovanje'),
			options: [
				option('illiterate', text('Cannot read or write', 'Analfabet', 'Nepismen/a')),
				option('primary', text('Primary school', 'Shkollë fillore', 'Osnovna škola')),
				option('secondary', text('Secondary school', 'Shkollë e mesme', 'Srednja škola')),
				option('university', text('University', 'Universitet', 'Fakultet')),
				option('unknown', text('Unknown', 'E panjohur', 'Nepoznato'))
			]
		},
		{
			id: 'role',
			kind: 'choice',
			label: text('Role at the venue', 'Roli në lokal', 'Uloga u objektu'),
			options: [
				option('service_staff', text('Waiting or bar staff', 'Kamariere ose banakiere', 'Konobar/ica ili šanker/ka')),
				option('performer', text('Dancer or performer', 'Valltare ose interpretuese', 'Plesač/ica ili izvođač/ica')),
				option('massage', text('Massage', 'Masazh', 'Masaža')),
				option('cleaning_kitchen', text('Cleaning or kitchen', 'Pastrim ose kuzhinë', 'Čišćenje ili kuhinja')),
				option('security', text('Security', 'Sigurim', 'Obezbeđenje')),
				option('management', text('Owner or manager', 'Pronar ose menaxher', 'Vlasnik ili rukovodilac')),
				option('customer', text('Customer', 'Klient', 'Gost')),
				option('other', text('Other', 'Tjetër', 'Drugo'))
			]
		},
		{
			id: 'language',
			kind: 'text',
			label: text(
				'Language the person speaks best',
				'Gjuha që personi e flet më mirë',
				'Jezik kojim osoba najbolje govori'
			)
		},
		{
			id: 'interpreter_used',
			kind: 'yesNo',
			label: text('Was an interpreter used?', 'A u përdor përkthyes?', 'Da li je korišćen prevodilac?')
		},
		{
			id: 'recruitment',
			kind: 'choice',
			label: text('How was the person recruited?', 'Si u rekrutua personi?', 'Kako je osoba vrbovana?'),
			options: [
				option('job_offer', text('Job offer or promise', 'Ofertë ose premtim pune', 'Ponuda ili obećanje posla')),
				// The profile answer is the indicator: the questionnaire does not ask it again.
				{
					...option('marriage_promise', text('Promise of marriage', 'Premtim martese', 'Obećanje braka')),
					indicator: 'deceptive.marriage_or_adoption'
				},
				option('tourism', text('Tourism', 'Turizëm', 'Turizam')),
				option('other', text('Other', 'Tjetër', 'Drugo'))
			]
		},
		{
			id: 'exploitation_form',
			kind: 'choice',
			label: text(
				'Form of exploitation suspected',
				'Forma e dyshuar e shfrytëzimit',
				'Oblik eksploatacije na koji se sumnja'
			),
			options: [
				option('sexual_exploitation', text('Sexual exploitation', 'Shfrytëzim seksual', 'Seksualna eksploatacija')),
				option('forced_labour', text('Forced labour', 'Punë e detyruar', 'Prinudni rad')),
				option('forced_begging', text('Forced begging', 'Lypje e detyruar', 'Prinudno prosjačenje')),
				option('slavery_servitude', text('Slavery or servitude', 'Skllavëri ose robëri', 'Ropstvo ili služenje')),
				option('other', text('Other', 'Tjetër', 'Drugo'))
			]
		}
	]
};
