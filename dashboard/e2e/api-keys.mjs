// API keys for the end-to-end test beyond the two the launcher prints (device key, operator
// token): created with the gateway's own admin command (io.fleetflow.gateway.admin.ApiKeyAdmin,
// on the launcher's class path) against the database the stack runs on.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The database the stack uses: the caller's FLEETFLOW_DB_* (the launcher inherits them), else the
 * embedded one the banner names (`PostgreSQL  jdbc:… (embedded, user postgres)`, no password).
 */
export function stackDatabase(stack, env = process.env) {
  if (env.FLEETFLOW_DB_URL) {
    return { url: env.FLEETFLOW_DB_URL, user: env.FLEETFLOW_DB_USER ?? 'postgres', password: env.FLEETFLOW_DB_PASSWORD ?? '' };
  }
  const m = /PostgreSQL\s+(jdbc:\S+) \(embedded, user (\S+)\)/.exec(stack.stdout);
  if (!m) throw new Error('the launcher named no database: cannot create an API key');
  return { url: m[1], user: m[2], password: '' };
}

/** Creates a key with `role` (DEVICE, VIEWER or OPERATOR) and returns its secret (`ffv_…` etc.). */
export async function createApiKey({ root, stack, role, name }) {
  const classpath = readFileSync(path.join(root, 'launcher/target/run-classpath.txt'), 'utf8').trim();
  const db = stackDatabase(stack);
  const { stdout } = await run(
    'java',
    ['-cp', `${path.join(root, 'launcher/target/classes')}:${classpath}`, 'io.fleetflow.gateway.admin.ApiKeyAdmin',
      'create', '--role', role, '--name', name],
    {
      cwd: root,
      env: { ...process.env, FLEETFLOW_DB_URL: db.url, FLEETFLOW_DB_USER: db.user, FLEETFLOW_DB_PASSWORD: db.password },
      timeout: 60_000,
    },
  );
  // The key is the one line of the form ff?_…; anything else on stdout (a log line) is not.
  const secret = stdout.split('\n').map((l) => l.trim()).findLast((l) => /^ff[dvo]_\S+$/.test(l));
  if (!secret) throw new Error(`ApiKeyAdmin printed no ${role} key: ${stdout}`);
  return secret;
}
