import 'reflect-metadata';
import { validate } from 'class-validator';
import { isInputObjectType, type GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { VersionField } from './version-field';

@InputType('TestRegisterVersionInput', { description: 'A register at the version the caller read.' })
class TestRegisterVersionInput {
  @Field({ description: 'Register number.' })
  registerNo: string;

  @VersionField()
  version: number;
}

@InputType('UpdateTestLineInput', { description: 'A line of a register to change.' })
class UpdateTestLineInput {
  @Field({ description: 'The register the line is on.' })
  registerNo: string;

  @VersionField('the register')
  version: number;

  @Field(() => String, { nullable: true, description: 'New text.' })
  text?: string;
}

@Resolver()
class TestRegisterResolver {
  @Query(() => Boolean, { description: 'A schema needs a query.' })
  testRegisters(): boolean {
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes a register.' })
  changeTestRegister(@Arg('input', () => TestRegisterVersionInput) _input: TestRegisterVersionInput): boolean {
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes a line.' })
  updateTestLine(@Arg('input', () => UpdateTestLineInput) _input: UpdateTestLineInput): boolean {
    return true;
  }
}

/** `field: Type "description"` of each field of an input type, in the schema's order. */
function inputFields(schema: GraphQLSchema, type: string): string[] {
  const input = schema.getType(type);
  if (!isInputObjectType(input)) throw new Error(`${type} is not an input type`);
  return Object.values(input.getFields()).map((field) => `${field.name}: ${String(field.type)} ${JSON.stringify(field.description)}`);
}

describe('VersionField', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [TestRegisterResolver], validate: false });
  });

  it('is a required Int with the one description, in the place the class declares it', () => {
    expect(inputFields(schema, 'TestRegisterVersionInput')).toEqual([
      'registerNo: String! "Register number."',
      'version: Int! "The version you read; a stale one is refused with CONFLICT."',
    ]);
  });

  it('names the record it is the version of when the input names another', () => {
    expect(inputFields(schema, 'UpdateTestLineInput')).toEqual([
      'registerNo: String! "The register the line is on."',
      'version: Int! "The version of the register you read; a stale one is refused with CONFLICT."',
      'text: String "New text."',
    ]);
  });

  it('refuses a version under 1', async () => {
    const input = (version: number) => Object.assign(new TestRegisterVersionInput(), { registerNo: 'R-1', version });
    expect(await validate(input(1))).toEqual([]);
    const refused = await validate(input(0));
    expect(refused.map((error) => [error.property, error.constraints])).toEqual([['version', { min: 'must be at least 1' }]]);
  });
});
