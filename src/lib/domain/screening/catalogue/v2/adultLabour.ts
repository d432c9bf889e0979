/**
 * Catalogue version 2, adults × labour exploitation: 67 items, 10/10/16/9/15/7 per dimension (the count per
 * dimension confirmed by an independent summary; items and strengths from two reproductions that
 * agree item for item, neither of them the publication). See docs/research/ilo-indicators.md §2.
 */
import { listTable } from './listTable.ts';

export const adultLabour = listTable([
	// deceptive
	['deceptive.nature_of_job', 'strong', 'reproductions'],
	['deceptive.conditions_of_work', 'medium', 'reproductions'],
	['deceptive.work_contract', 'medium', 'reproductions'],
	['deceptive.family_reunification', 'medium', 'reproductions'],
	['deceptive.housing', 'medium', 'reproductions'],
	['deceptive.legal_documents', 'medium', 'reproductions'],
	['deceptive.travel_and_recruitment', 'medium', 'reproductions'],
	['deceptive.wages', 'medium', 'reproductions'],
	['deceptive.marriage_or_adoption', 'medium', 'reproductions'],
	['deceptive.education', 'weak', 'reproductions'],
	// coercive
	['coercive.violence_on_victim', 'strong', 'reproductions'],
	['coercive.abduction_forced_marriage_or_sale', 'medium', 'reproductions'],
	['coercive.confiscation_of_documents', 'medium', 'reproductions'],
	['coercive.debt_bondage', 'medium', 'reproductions'],
	['coercive.isolation_confinement_surveillance', 'medium', 'reproductions'],
	['coercive.threat_of_denunciation', 'medium', 'reproductions'],
	['coercive.threat_of_violence', 'medium', 'reproductions'],
	['coercive.threat_to_inform_family', 'medium', 'reproductions'],
	['coercive.violence_on_family', 'medium', 'reproductions'],
	['coercive.withholding_of_money', 'medium', 'reproductions'],
	// vulnerable_recruitment
	['vulnerable_recruitment.difficult_family_situation', 'medium', 'reproductions'],
	['vulnerable_recruitment.irregular_status', 'medium', 'reproductions'],
	['vulnerable_recruitment.lack_of_education', 'medium', 'reproductions'],
	['vulnerable_recruitment.lack_of_information', 'medium', 'reproductions'],
	['vulnerable_recruitment.control_by_exploiters', 'medium', 'reproductions'],
	['vulnerable_recruitment.economic_reasons', 'medium', 'reproductions'],
	['vulnerable_recruitment.false_information_on_migration', 'medium', 'reproductions'],
	['vulnerable_recruitment.false_information_on_law', 'medium', 'reproductions'],
	['vulnerable_recruitment.family_situation', 'medium', 'reproductions'],
	['vulnerable_recruitment.personal_situation', 'medium', 'reproductions'],
	['vulnerable_recruitment.emotional_dependency', 'medium', 'reproductions'],
	['vulnerable_recruitment.relationship_with_authorities', 'medium', 'reproductions'],
	['vulnerable_recruitment.difficulties_in_the_past', 'medium', 'reproductions'],
	['vulnerable_recruitment.difficulty_organising_travel', 'medium', 'reproductions'],
	['vulnerable_recruitment.cultural_or_religious_beliefs', 'weak', 'reproductions'],
	['vulnerable_recruitment.general_context', 'weak', 'reproductions'],
	// exploitative
	['exploitative.excessive_hours', 'strong', 'reproductions'],
	['exploitative.bad_living_conditions', 'medium', 'reproductions'],
	['exploitative.hazardous_work', 'medium', 'reproductions'],
	['exploitative.low_or_no_wages', 'medium', 'reproductions'],
	['exploitative.labour_law_not_respected', 'medium', 'reproductions'],
	['exploitative.no_social_protection', 'medium', 'reproductions'],
	['exploitative.very_bad_working_conditions', 'medium', 'reproductions'],
	['exploitative.wage_manipulation', 'medium', 'reproductions'],
	['exploitative.no_access_to_education', 'weak', 'reproductions'],
	// coercion
	['coercion.confiscation_of_documents', 'strong', 'reproductions'],
	['coercion.debt_bondage', 'strong', 'reproductions'],
	['coercion.isolation_confinement_surveillance', 'strong', 'reproductions'],
	['coercion.violence_on_victim', 'strong', 'reproductions'],
	['coercion.forced_into_illicit_activities', 'medium', 'reproductions'],
	['coercion.forced_tasks_or_clients', 'medium', 'reproductions'],
	['coercion.forced_to_act_against_peers', 'medium', 'reproductions'],
	['coercion.forced_to_lie', 'medium', 'reproductions'],
	['coercion.threat_of_denunciation', 'medium', 'reproductions'],
	['coercion.threat_of_worse_conditions', 'medium', 'reproductions'],
	['coercion.threat_of_violence', 'medium', 'reproductions'],
	['coercion.under_strong_influence', 'medium', 'reproductions'],
	['coercion.violence_on_family', 'medium', 'reproductions'],
	['coercion.withholding_of_wages', 'medium', 'reproductions'],
	['coercion.threat_to_inform_family', 'weak', 'reproductions'],
	// vulnerable_destination
	['vulnerable_destination.dependency_on_exploiters', 'medium', 'reproductions'],
	['vulnerable_destination.unfamiliar_surroundings', 'medium', 'reproductions'],
	['vulnerable_destination.economic_reasons', 'medium', 'reproductions'],
	['vulnerable_destination.family_situation', 'medium', 'reproductions'],
	['vulnerable_destination.relationship_with_authorities', 'medium', 'reproductions'],
	['vulnerable_destination.difficulties_in_the_past', 'weak', 'reproductions'],
	['vulnerable_destination.personal_characteristics', 'weak', 'reproductions']
]);
