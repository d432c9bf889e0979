/**
 * Catalogue version 2, children × labour exploitation: 65 items, 10/10/15/8/15/7, no weak tier. From one
 * machine-drafted reproduction only (docs/research/ilo-indicators.md §3, §6.1): every row unverified.
 */
import { listTable } from './listTable.ts';

export const childLabour = listTable([
	// deceptive
	['deceptive.nature_of_job', 'strong', 'single_source'],
	['deceptive.conditions_of_work', 'medium', 'single_source'],
	['deceptive.work_contract', 'medium', 'single_source'],
	['deceptive.family_reunification', 'medium', 'single_source'],
	['deceptive.housing', 'medium', 'single_source'],
	['deceptive.legal_documents', 'medium', 'single_source'],
	['deceptive.travel_and_recruitment', 'medium', 'single_source'],
	['deceptive.wages', 'medium', 'single_source'],
	['deceptive.marriage_or_adoption', 'medium', 'single_source'],
	['deceptive.education', 'strong', 'single_source'],
	// coercive
	['coercive.violence_on_victim', 'strong', 'single_source'],
	['coercive.abduction_forced_marriage_or_sale', 'strong', 'single_source'],
	['coercive.confiscation_of_documents', 'medium', 'single_source'],
	['coercive.debt_bondage', 'strong', 'single_source'],
	['coercive.isolation_confinement_surveillance', 'medium', 'single_source'],
	['coercive.threat_of_denunciation', 'medium', 'single_source'],
	['coercive.threat_of_violence', 'strong', 'single_source'],
	['coercive.threat_to_inform_family', 'medium', 'single_source'],
	['coercive.violence_on_family', 'medium', 'single_source'],
	['coercive.withholding_of_money', 'medium', 'single_source'],
	// vulnerable_recruitment
	['vulnerable_recruitment.difficult_family_situation', 'medium', 'single_source'],
	['vulnerable_recruitment.irregular_status', 'medium', 'single_source'],
	['vulnerable_recruitment.lack_of_education', 'medium', 'single_source'],
	['vulnerable_recruitment.lack_of_information', 'medium', 'single_source'],
	['vulnerable_recruitment.control_by_exploiters', 'medium', 'single_source'],
	['vulnerable_recruitment.economic_reasons', 'medium', 'single_source'],
	['vulnerable_recruitment.false_information_on_migration', 'medium', 'single_source'],
	['vulnerable_recruitment.family_situation', 'medium', 'single_source'],
	['vulnerable_recruitment.personal_situation', 'medium', 'single_source'],
	['vulnerable_recruitment.emotional_dependency', 'medium', 'single_source'],
	['vulnerable_recruitment.relationship_with_authorities', 'medium', 'single_source'],
	['vulnerable_recruitment.difficulties_in_the_past', 'medium', 'single_source'],
	['vulnerable_recruitment.difficulty_organising_travel', 'medium', 'single_source'],
	['vulnerable_recruitment.cultural_or_religious_beliefs', 'medium', 'single_source'],
	['vulnerable_recruitment.general_context', 'medium', 'single_source'],
	// exploitative
	['exploitative.excessive_hours', 'strong', 'single_source'],
	['exploitative.bad_living_conditions', 'medium', 'single_source'],
	['exploitative.hazardous_work', 'medium', 'single_source'],
	['exploitative.low_or_no_wages', 'medium', 'single_source'],
	['exploitative.labour_law_not_respected', 'medium', 'single_source'],
	['exploitative.very_bad_working_conditions', 'medium', 'single_source'],
	['exploitative.wage_manipulation', 'medium', 'single_source'],
	['exploitative.no_access_to_education', 'medium', 'single_source'],
	// coercion
	['coercion.confiscation_of_documents', 'strong', 'single_source'],
	['coercion.debt_bondage', 'strong', 'single_source'],
	['coercion.isolation_confinement_surveillance', 'strong', 'single_source'],
	['coercion.violence_on_victim', 'strong', 'single_source'],
	['coercion.forced_into_illicit_activities', 'strong', 'single_source'],
	['coercion.forced_tasks_or_clients', 'strong', 'single_source'],
	['coercion.forced_to_act_against_peers', 'medium', 'single_source'],
	['coercion.forced_to_lie', 'medium', 'single_source'],
	['coercion.threat_of_denunciation', 'medium', 'single_source'],
	['coercion.threat_of_worse_conditions', 'medium', 'single_source'],
	['coercion.threat_of_violence', 'strong', 'single_source'],
	['coercion.under_strong_influence', 'strong', 'single_source'],
	['coercion.violence_on_family', 'medium', 'single_source'],
	['coercion.withholding_of_wages', 'medium', 'single_source'],
	['coercion.threat_to_inform_family', 'medium', 'single_source'],
	// vulnerable_destination
	['vulnerable_destination.dependency_on_exploiters', 'medium', 'single_source'],
	['vulnerable_destination.unfamiliar_surroundings', 'medium', 'single_source'],
	['vulnerable_destination.economic_reasons', 'medium', 'single_source'],
	['vulnerable_destination.family_situation', 'medium', 'single_source'],
	['vulnerable_destination.relationship_with_authorities', 'medium', 'single_source'],
	['vulnerable_destination.difficulties_in_the_past', 'medium', 'single_source'],
	['vulnerable_destination.personal_characteristics', 'medium', 'single_source']
]);
