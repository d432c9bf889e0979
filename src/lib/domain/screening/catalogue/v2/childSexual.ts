/**
 * Catalogue version 2, children × sexual exploitation. NOT read from any source (docs/research/ilo-indicators.md
 * §5). Rows are the child labour list ('derived'), except the strengths a single source states for
 * this list ('single_source_claim'). Every row is unverified and the screens say so.
 */
import { listTable } from './listTable.ts';

export const childSexual = listTable([
	// deceptive
	['deceptive.nature_of_job', 'strong', 'derived'],
	['deceptive.conditions_of_work', 'medium', 'derived'],
	['deceptive.work_contract', 'medium', 'derived'],
	['deceptive.family_reunification', 'medium', 'derived'],
	['deceptive.housing', 'medium', 'derived'],
	['deceptive.legal_documents', 'medium', 'derived'],
	['deceptive.travel_and_recruitment', 'medium', 'derived'],
	['deceptive.wages', 'medium', 'derived'],
	['deceptive.marriage_or_adoption', 'medium', 'derived'],
	['deceptive.education', 'strong', 'derived'],
	// coercive
	['coercive.violence_on_victim', 'strong', 'derived'],
	['coercive.abduction_forced_marriage_or_sale', 'strong', 'derived'],
	['coercive.confiscation_of_documents', 'medium', 'derived'],
	['coercive.debt_bondage', 'strong', 'derived'],
	['coercive.isolation_confinement_surveillance', 'medium', 'derived'],
	['coercive.threat_of_denunciation', 'medium', 'derived'],
	['coercive.threat_of_violence', 'strong', 'derived'],
	['coercive.threat_to_inform_family', 'medium', 'derived'],
	['coercive.violence_on_family', 'medium', 'derived'],
	['coercive.withholding_of_money', 'medium', 'derived'],
	// vulnerable_recruitment
	['vulnerable_recruitment.difficult_family_situation', 'medium', 'derived'],
	['vulnerable_recruitment.irregular_status', 'medium', 'derived'],
	['vulnerable_recruitment.lack_of_education', 'medium', 'derived'],
	['vulnerable_recruitment.lack_of_information', 'medium', 'derived'],
	['vulnerable_recruitment.control_by_exploiters', 'medium', 'derived'],
	['vulnerable_recruitment.economic_reasons', 'medium', 'derived'],
	['vulnerable_recruitment.false_information_on_migration', 'medium', 'derived'],
	['vulnerable_recruitment.family_situation', 'medium', 'derived'],
	['vulnerable_recruitment.personal_situation', 'medium', 'derived'],
	['vulnerable_recruitment.emotional_dependency', 'medium', 'derived'],
	['vulnerable_recruitment.relationship_with_authorities', 'medium', 'derived'],
	['vulnerable_recruitment.difficulties_in_the_past', 'medium', 'derived'],
	['vulnerable_recruitment.difficulty_organising_travel', 'medium', 'derived'],
	['vulnerable_recruitment.cultural_or_religious_beliefs', 'medium', 'derived'],
	['vulnerable_recruitment.general_context', 'medium', 'derived'],
	// exploitative
	['exploitative.excessive_hours', 'strong', 'derived'],
	['exploitative.bad_living_conditions', 'medium', 'derived'],
	['exploitative.hazardous_work', 'strong', 'single_source_claim'],
	['exploitative.low_or_no_wages', 'medium', 'derived'],
	['exploitative.labour_law_not_respected', 'medium', 'derived'],
	['exploitative.very_bad_working_conditions', 'medium', 'derived'],
	['exploitative.wage_manipulation', 'medium', 'derived'],
	['exploitative.no_access_to_education', 'medium', 'derived'],
	// coercion
	['coercion.confiscation_of_documents', 'strong', 'derived'],
	['coercion.debt_bondage', 'strong', 'derived'],
	['coercion.isolation_confinement_surveillance', 'strong', 'derived'],
	['coercion.violence_on_victim', 'strong', 'derived'],
	['coercion.forced_into_illicit_activities', 'strong', 'derived'],
	['coercion.forced_tasks_or_clients', 'strong', 'single_source_claim'],
	['coercion.forced_to_act_against_peers', 'medium', 'derived'],
	['coercion.forced_to_lie', 'medium', 'derived'],
	['coercion.threat_of_denunciation', 'medium', 'derived'],
	['coercion.threat_of_worse_conditions', 'medium', 'derived'],
	['coercion.threat_of_violence', 'strong', 'derived'],
	['coercion.under_strong_influence', 'strong', 'derived'],
	['coercion.violence_on_family', 'medium', 'derived'],
	['coercion.withholding_of_wages', 'medium', 'derived'],
	['coercion.threat_to_inform_family', 'medium', 'derived'],
	// vulnerable_destination
	['vulnerable_destination.dependency_on_exploiters', 'medium', 'derived'],
	['vulnerable_destination.unfamiliar_surroundings', 'medium', 'derived'],
	['vulnerable_destination.economic_reasons', 'medium', 'derived'],
	['vulnerable_destination.family_situation', 'medium', 'derived'],
	['vulnerable_destination.relationship_with_authorities', 'medium', 'derived'],
	['vulnerable_destination.difficulties_in_the_past', 'medium', 'derived'],
	['vulnerable_destination.personal_characteristics', 'medium', 'derived']
]);
