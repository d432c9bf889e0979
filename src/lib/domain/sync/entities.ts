/** Entity names on the sync wire (docs/ARCHITECTURE.md, "Sync contract"). */
export const syncEntities = [
	'municipality',
	'location',
	'childSite',
	'plan',
	'operation',
	'team',
	'assignment',
	'checklistTemplate',
	'personText',
	'helpline',
	'inspection',
	'screenedPerson',
	'referral',
	'attachment',
	'violationKind',
	'controlInspection',
	'labourRecord',
	'checkedWorker',
	'violation',
	'decision',
	'violationCheck',
	'criminalReport',
	'evidenceItem',
	'custodyTransfer'
] as const;
export type SyncEntity = (typeof syncEntities)[number];
