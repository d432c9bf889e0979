import { PGlite } from '@electric-sql/pglite';
const db = new PGlite('/tmp/pgl-probe');
await db.query('select 1');
const fs = await import('node:fs');
console.log(fs.readdirSync('/tmp/pgl-probe'));
console.log(fs.existsSync('/tmp/pgl-probe/postmaster.pid') && fs.readFileSync('/tmp/pgl-probe/postmaster.pid','utf8'));
await db.close();
console.log('after close', fs.existsSync('/tmp/pgl-probe/postmaster.pid'));
