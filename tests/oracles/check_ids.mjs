// Oracle for ResidentId: prints one verdict per input line, "1" when validator's
// isIdentityCard(line, 'zh-CN') accepts it and "0" when not. Used by
// src/common/resident_id_oracle_test.cpp.
//   node tests/oracles/check_ids.mjs FILE
import fs from 'node:fs';
import isIdentityCard from 'validator/lib/isIdentityCard.js';

// validator checks birth dates with local-time Date objects; pin the zone so the verdict does
// not depend on the machine.
process.env.TZ = 'UTC';

const file = process.argv[2];
if (!file) {
  console.error('usage: node check_ids.mjs FILE');
  process.exit(2);
}
const lines = fs.readFileSync(file, 'utf8').split('\n');
if (lines.at(-1) === '') lines.pop();
const verdicts = lines.map((line) => (isIdentityCard(line, 'zh-CN') ? '1' : '0'));
process.stdout.write(verdicts.join('\n') + '\n');
