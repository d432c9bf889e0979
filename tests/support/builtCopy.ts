/**
 * A private copy of the built app (scripts/ beside build/) for a test that damages the
 * files being served: the shared build/ stays whole for the tests that run after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type BuiltCopy = {
	/** The copy's serve.js, to start as `node <serveScript>` with this checkout as working folder. */
	serveScript: string;
	/** The copy's build/client, the folder adapter-node serves static files from. */
	clientDir: string;
	remove: () => void;
};

export function copyBuiltApp(): BuiltCopy {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-build-copy-'));
	fs.cpSync(path.resolve('build'), path.join(root, 'build'), { recursive: true });
	fs.cpSync(path.resolve('scripts'), path.join(root, 'scripts'), { recursive: true });
	// The bundle imports the app's runtime dependencies and is ES modules, as in this checkout.
	fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
	fs.symlinkSync(fs.realpathSync(path.resolve('node_modules')), path.join(root, 'node_modules'), 'dir');
	return {
		serveScript: path.join(root, 'scripts/serve.js'),
		clientDir: path.join(root, 'build/client'),
		remove: () => fs.rmSync(root, { recursive: true, force: true })
	};
}
