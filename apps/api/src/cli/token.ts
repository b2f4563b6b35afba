// `npm run token -- create --role approver --id alice`: prints a new bearer token once.
// `npm run token -- revoke --id alice`, `npm run token -- list`.
import { parseArgs } from 'node:util';
import { roleSchema } from '@luthier/rmos-contracts';
import { issueToken, revokeToken } from '../auth/issue-token.js';
import { readTokensFile } from '../auth/tokens-file.js';
import { tokensFilePath } from '../config.js';

const USAGE = `usage:
  npm run token -- create --role <operator|approver|advisor|auditor> --id <name>
  npm run token -- revoke --id <name>
  npm run token -- list
The tokens file is $TOKENS_FILE (default security/tokens.json); it stores sha256 digests only.`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, id: { type: 'string' }, file: { type: 'string' } },
  });
  const file = values.file ?? tokensFilePath(process.env);
  const command = positionals[0];
  if (command === 'create') {
    const role = roleSchema.safeParse(values.role);
    if (!role.success || !values.id) {
      console.error(USAGE);
      return 2;
    }
    const token = issueToken(file, values.id, role.data);
    console.error(`token ${values.id} (${role.data}) added to ${file}; it is shown once, store it now:`);
    console.log(token);
    return 0;
  }
  if (command === 'revoke' && values.id) {
    if (!revokeToken(file, values.id)) {
      console.error(`no token with id ${values.id} in ${file}`);
      return 1;
    }
    console.error(`token ${values.id} revoked`);
    return 0;
  }
  if (command === 'list') {
    for (const t of readTokensFile(file)?.tokens ?? []) console.log(`${t.id}\t${t.role}\t${t.created_at}${t.revoked ? '\trevoked' : ''}`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`token: ${(error as Error).message}`);
  process.exitCode = 1;
}
