/**
 * The demo's helpline: Kosovo's anti-trafficking helpline, 0800 19999 (free of charge). It is demo
 * data like the rest of demo/: a deployment's admin sets the numbers its people should call
 * (/admin/texts), and checks them, before the rights screen is shown to anyone.
 */
import type { Tx } from '../db/index.ts';
import { insertSynced } from '../records/syncedWrite.ts';

export async function seedDemoHelpline(tx: Tx, id: string): Promise<void> {
	await insertSynced(tx, {
		entity: 'helpline',
		values: { id, name: 'Linja kundër trafikimit · Anti-trafficking helpline', number: '0800 19999', position: 0 },
		scope: {},
		audit: { userId: null, action: 'demo.helpline', summary: () => 'number=0800 19999' }
	});
}
