// Creates a user from the command line — above all the first admin of an empty production
// database: `npm run user:create -- --username alba --name "Alba K." --agency police [--role admin]`.
// The password is read from the terminal without echo (or from KONTROLLA_PASSWORD for automation).
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { database } from '../src/lib/server/db/index.ts';
import { createUser } from '../src/lib/server/auth/users.ts';
import { UserInputError } from '../src/lib/server/errors.ts';
import { roles, agencyCodes, type CreateUser } from '../src/lib/domain/auth.ts';
import { victimServiceOrganisations } from '../src/lib/domain/victimServices.ts';

const { values } = parseArgs({
	options: {
		username: { type: 'string' },
		name: { type: 'string' },
		agency: { type: 'string', default: 'police' },
		role: { type: 'string', default: 'admin' },
		// A victim-services account's organisation (domain/victimServices.ts).
		organisation: { type: 'string' }
	}
});

function usage(message: string): never {
	console.error(
		`${message}\nusage: npm run user:create -- --username NAME --name "Display Name" --agency ${agencyCodes.join('|')} [--role ${roles.join('|')}] [--organisation ${victimServiceOrganisations.join('|')}]`
	);
	process.exit(2);
}

async function readPassword(prompt: string): Promise<string> {
	if (process.env.KONTROLLA_PASSWORD) return process.env.KONTROLLA_PASSWORD;
	if (!process.stdin.isTTY) usage('no terminal to read the password from: set KONTROLLA_PASSWORD');
	const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
	const muted = rl as unknown as { _writeToOutput: (s: string) => void };
	process.stdout.write(prompt);
	muted._writeToOutput = () => {};
	const answer = await new Promise<string>((resolve) => rl.question('', resolve));
	rl.close();
	process.stdout.write('\n');
	return answer;
}

if (!values.username || !values.name) usage('--username and --name are required');
const password = await readPassword('Password (at least 10 characters): ');
const input = {
	username: values.username,
	displayName: values.name,
	password,
	role: values.role,
	agencyCode: values.agency,
	organisation: values.organisation ?? null
} as CreateUser;
const opened = await database();
try {
	const { id } = await createUser(null, input, opened.db);
	console.log(`created ${input.role} ${input.username} (${id}) on ${opened.engine}`);
} catch (error) {
	if (error instanceof UserInputError) usage(`${error.field}: ${error.message}`);
	throw error;
} finally {
	await opened.close();
}
