// The published contract ../schema.graphql, as front-end tools see it: graphql-js loads it as it
// is, graphql-schema-linter passes (rules in .graphql-schema-linterrc.yml), graphql-codegen
// generates the client's types from it and the documents of src/pipeline.ts, and tsc accepts the
// client with them.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { buildSchema, isScalarType } from 'graphql';
import { Report } from './common';

const SCHEMA = '../schema.graphql';
const report = new Report('schema-check');

/** Runs a tool of node_modules/.bin, its output shown as it comes; passes on exit code 0. */
function tool(what: string, command: string, ...args: string[]): boolean {
  console.log(`--- ${what}: ${command} ${args.join(' ')}`);
  const run = spawnSync(`node_modules/.bin/${command}`, args, { stdio: 'inherit' });
  return report.record(what, run.status === 0, run.error ? `(${run.error.message})` : '');
}

await report.check(`graphql-js buildSchema loads ${SCHEMA} as it is; DateTime, Date, Decimal have @specifiedBy`, () => {
  const schema = buildSchema(readFileSync(SCHEMA, 'utf8'));
  const missing = ['DateTime', 'Date', 'Decimal'].filter((name) => {
    const type = schema.getType(name);
    return !isScalarType(type) || !type.specifiedByURL;
  });
  if (missing.length) throw new Error(`no scalar with @specifiedBy(url:) named ${missing.join(', ')}`);
});
tool('graphql-schema-linter with the Relay rules', 'graphql-schema-linter', SCHEMA);
// no types left from an earlier run: the client must compile against this schema's
rmSync('src/gql', { recursive: true, force: true });
const TSC = 'tsc --noEmit: the client compiles with them';
if (tool('graphql-codegen: types of the client documents', 'graphql-codegen', '--config', 'codegen.ts', '--errors-only')) {
  tool(TSC, 'tsc', '--noEmit', '-p', '.');
} else {
  report.record(TSC, false, '(not run: no types without codegen)');
}
report.close();
