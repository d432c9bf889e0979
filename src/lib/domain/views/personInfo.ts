/** The admin's page of texts shown to persons (/admin/texts). */
import type { Helpline } from '../personInfo/helplines.ts';
import type { PersonLanguage } from '../personInfo/languages.ts';
import type { PersonTextKind } from '../personInfo/texts.ts';

export type AdminTextRow = {
	id: string;
	kind: PersonTextKind;
	key: string;
	language: PersonLanguage;
	textVersion: number;
	text: string;
	reviewed: boolean;
	reviewedBy: string | null;
	reviewedAt: string | null;
	createdAt: string;
};

export type AdminTextsPage = {
	language: PersonLanguage;
	/** Per language, how many current texts still wait for a qualified translator's check. */
	unreviewed: Record<PersonLanguage, number>;
	/** Every version of every text of `language`, oldest version first. */
	texts: AdminTextRow[];
	helplines: Helpline[];
};
