/**
 * Names of the categories the coverage screens and report tables print, in the three working
 * languages. Profile categories take their names from the default checklist's person profile, so
 * a report row reads exactly as the option the inspector chose; the rest (report-only columns,
 * referral and outcome codes) are named here. Codes without a name are shown as the code.
 */
import { personProfileSection } from '../checklist/default/personProfile.ts';
import { text, type Text } from '../text.ts';

export type Breakdown = 'age_band' | 'sex' | 'nationality' | 'education' | 'recruitment' | 'exploitation_form';

const unknown = text('Unknown', 'E panjohur', 'Nepoznato');

const extra: Record<Breakdown, Record<string, Text>> = {
	age_band: {},
	sex: {
		female: text('Female', 'Femër', 'Žensko'),
		male: text('Male', 'Mashkull', 'Muško'),
		other: text('Other', 'Tjetër', 'Drugo'),
		unknown
	},
	nationality: { unknown },
	education: { unknown },
	recruitment: { unknown },
	// A column of the national tables that no checklist option leads to (see report.ts).
	exploitation_form: { removal_of_organs: text('Removal of organs', 'Heqje organesh', 'Uklanjanje organa'), unknown }
};

function profileOption(itemId: string, code: string): Text | undefined {
	return personProfileSection.items.find((item) => item.id === itemId)?.options?.find((option) => option.id === code)?.label;
}

export function categoryName(breakdown: Breakdown, code: string): Text | undefined {
	return extra[breakdown][code] ?? profileOption(breakdown, code);
}

export const referralTargetNames: Record<string, Text> = {
	police_anti_trafficking: text('Police anti-trafficking unit', 'Njësia kundër trafikimit e policisë', 'Policijska jedinica za borbu protiv trgovine ljudima'),
	victim_advocate: text('Victim advocate', 'Mbrojtësi i viktimave', 'Zastupnik žrtava'),
	centre_for_social_work: text('Centre for social work', 'Qendra për punë sociale', 'Centar za socijalni rad'),
	shelter: text('Shelter', 'Strehimore', 'Sklonište'),
	medical_care: text('Medical care', 'Kujdes mjekësor', 'Medicinska nega'),
	ngo: text('Non-governmental organisation', 'Organizatë joqeveritare', 'Nevladina organizacija'),
	labour_inspectorate: text('Labour inspectorate', 'Inspektorati i punës', 'Inspektorat rada')
};

export const referralStatusNames: Record<string, Text> = {
	made: text('Made', 'E bërë', 'Upućeno'),
	accepted: text('Accepted', 'E pranuar', 'Prihvaćeno'),
	declined: text('Declined', 'E refuzuar', 'Odbijeno'),
	closed: text('Closed', 'E mbyllur', 'Zatvoreno')
};

export const outcomeNames: Record<string, Text> = {
	no_findings: text('No findings', 'Pa gjetje', 'Bez nalaza'),
	labour_violations: text('Labour violations', 'Shkelje të punës', 'Povrede radnog prava'),
	trafficking_indicators_referred: text('Trafficking indicators, referred', 'Tregues trafikimi, referuar', 'Indikatori trgovine ljudima, upućeno'),
	premises_closed: text('Premises closed', 'Lokali u mbyll', 'Objekat zatvoren'),
	could_not_inspect: text('Could not inspect', 'Nuk u inspektua dot', 'Inspekcija nije bila moguća')
};

export const screeningResultNames: Record<string, Text> = {
	no_indicators: text('No indicators', 'Pa tregues', 'Bez indikatora'),
	indicators_present: text('Indicators present', 'Ka tregues', 'Prisutni indikatori'),
	possible_victim: text('Possible victim', 'Viktimë e mundshme', 'Moguća žrtva')
};
