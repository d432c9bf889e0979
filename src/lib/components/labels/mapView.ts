/** The register map's own codes: how recently a venue was inspected, and what its dots are coloured by. */
import { m } from '$lib/paraglide/messages.js';
import type { ColourMode, InspectionAge } from '$lib/domain/register/mapFilters.ts';
import type { Messages } from './label.ts';

const inspectionAgeMessages: Messages<InspectionAge> = {
	never: m.map_inspected_never,
	over90: m.map_inspected_over90,
	within90: m.map_inspected_within90
};

export function inspectionAgeLabel(age: InspectionAge): string {
	return inspectionAgeMessages[age]();
}

const colourModeMessages: Messages<ColourMode> = {
	status: m.map_colour_status,
	inspection: m.map_colour_inspection
};

export function colourModeLabel(mode: ColourMode): string {
	return colourModeMessages[mode]();
}
