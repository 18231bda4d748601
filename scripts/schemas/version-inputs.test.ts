import 'reflect-metadata';
import { isInputObjectType, type GraphQLSchema } from 'graphql';
import { SUBGRAPHS } from './subgraph-list';

const VERSION_READ = 'The version you read; a stale one is refused with CONFLICT.';

/** `Input.version: Type "description"` of every input type of the schema that has a version. */
function versionFields(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    const version = isInputObjectType(type) ? type.getFields()['version'] : undefined;
    if (version) found.push(`${type.name}.version: ${String(version.type)} ${JSON.stringify(version.description)}`);
  }
  return found;
}

const builtSchema = async (name: string) => (await SUBGRAPHS.find((listed) => listed.name === name)!.load()).buildSchema();

describe('the version an input changes a record at (its description written once)', () => {
  it.each(SUBGRAPHS.map((s) => [s.name]))(
    '%s: every input with a version says it is the version read, a stale one refused',
    async (name) => {
      const fields = versionFields(await builtSchema(name));
      expect(fields.length).toBeGreaterThan(0);
      // The meeting's inputs change the meeting through one of its items: their version names the meeting.
      const said = (field: string) =>
        field.endsWith(` Int! ${JSON.stringify(VERSION_READ)}`) ||
        field.endsWith(' Int! "The version of the meeting you read; a stale one is refused with CONFLICT."');
      expect(fields.filter((field) => !said(field))).toEqual([]);
    },
  );

  it("states the meeting's own wording on the meeting's version input", async () => {
    expect(versionFields(await builtSchema('union'))).toContain(
      'JointMeetingVersionInput.version: Int! "The version of the meeting you read; a stale one is refused with CONFLICT."',
    );
  });

  it('lists the version inputs it checks (the check above can fail)', async () => {
    const fields = versionFields(await builtSchema('court'));
    expect(fields).toContain(`LawsuitVersionInput.version: Int! ${JSON.stringify(VERSION_READ)}`);
    expect(fields).toContain(`UpdateJudicialSuggestionInput.version: Int! ${JSON.stringify(VERSION_READ)}`);
  });
});
