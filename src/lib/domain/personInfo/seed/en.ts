import type { SeedTexts } from './types.ts';

export const en: SeedTexts = {
	rights: {
		intro:
			'We are the police and labour inspectors of Kosovo. We want to know whether you are safe and treated fairly at work. You can read this in your own language.',
		free_help:
			'If you have been deceived, forced or exploited, you can get help: a safe place to stay, medical care, a lawyer and an interpreter. The help is free of charge.',
		confidential:
			'Your information is protected. We do not give it to your employer or to the people who brought you here.',
		reflection_period:
			'If you are a victim of trafficking, you have at least 90 days to recover and to decide calmly whether you want to work with the police. During this time you may stay in Kosovo and receive help.',
		not_punished: 'You will not be punished for what you were forced to do.',
		helpline: 'You can call for help at any time, free of charge:'
	},
	label: {
		rights_title: 'Your rights',
		start_questions: 'Answer questions',
		questions_intro:
			'Read each question and tap Yes, No or I don’t know. Your answers help the officers to protect you.',
		yes: 'Yes',
		no: 'No',
		unclear: 'I don’t know',
		back: 'Back',
		done: 'Thank you. Please give the phone back to the officer.'
	},
	card: {
		deceived_about_job: 'Is the job, the workplace or the employer different from what you were promised?',
		deceived_about_wages: 'Are you paid less than you were promised?',
		deceived_about_conditions: 'Are the hours or the conditions of work worse than you were promised?',
		deceived_about_papers: 'Were you promised papers (a work or residence permit) that you did not get?',
		hurt_to_bring_here: 'Were you hit or hurt to make you come here or take this work?',
		threatened_to_bring_here: 'Were you threatened when you were brought here?',
		taken_or_sold: 'Were you taken, sold or married off against your will?',
		debt_to_come_here: 'Did you take on a debt for the travel or the job that you must now work off?',
		excessive_hours: 'Do you work very long days, or without days off?',
		low_or_no_pay: 'Are you paid very little, or not at all?',
		bad_living_conditions: 'Are the place where you sleep, or the food you get, bad?',
		documents_kept_by_others: 'Does someone else keep your passport or identity card?',
		debt_keeps_here: 'Do you owe a debt to your employer or someone else that keeps you from leaving?',
		confined_or_watched: 'Are you locked in, watched, or not allowed to go out alone?',
		hurt_here: 'Has anyone here hit you, hurt you or abused you sexually?',
		threatened_here: 'Has anyone threatened you with violence?',
		forced_tasks_or_clients: 'Are you made to do tasks, or to serve clients, that you do not want to?',
		wages_withheld: 'Does the employer keep your wages, for example until a season ends or a debt is paid?',
		threatened_with_reporting:
			'Have you been threatened with being reported to the police or the immigration authorities?',
		family_threatened: 'Has your family been threatened or harmed?',
		afraid_of_authorities: 'Are you afraid of the authorities, for example of being deported?'
	}
};
