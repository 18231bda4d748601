import { IsOptional } from 'class-validator';
import { BadUserInputError } from '../errors';
import { idNumberCheckCharacter } from '../ids';
import { IsIdNumber } from './identifier-rules';
import { validateInput } from './validate-input';
import { validationDay } from './validation-day';
import { NotInFuture } from './value-rules';

class Filing {
  @NotInFuture()
  filedOn!: string;

  @IsOptional()
  @IsIdNumber()
  idNumber?: string;
}

const filing = (filedOn: string, idNumber?: string) => Object.assign(new Filing(), { filedOn, idNumber });
const onDay = (today: string) => ({ context: { today } });

async function violations(value: Filing, today: string) {
  try {
    await validateInput(value, Filing, onDay(today));
    return [];
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    return error.violations.map((v) => `${v.field} ${v.rule}`);
  }
}

describe('date rules compare with the request day, not the machine calendar', () => {
  it("takes 'today' from the request context", async () => {
    expect(await violations(filing('2026-11-20'), '2026-11-20')).toEqual([]);
    expect(await violations(filing('2026-11-21'), '2026-11-20')).toEqual(['filedOn must not be later than today (2026-11-20)']);
    // A day the machine has long passed is still "the future" for a request on an earlier day.
    expect(await violations(filing('2020-01-02'), '2020-01-01')).toEqual(['filedOn must not be later than today (2020-01-01)']);
  });

  it('refuses a birth date after the request day in an ID number', async () => {
    // Born the day after the request day, with a correct check character.
    const bornNextDay = `11010520261121001${idNumberCheckCharacter('11010520261121001')}`;
    expect(await violations(filing('2026-11-21', bornNextDay), '2026-11-21')).toEqual([]);
    expect(await violations(filing('2026-11-20', bornNextDay), '2026-11-20')).toEqual([
      'idNumber is not a valid resident identity number: has an impossible birth date in positions 7-14',
    ]);
  });

  it('needs a request day', async () => {
    await expect(validateInput(filing('2026-11-20'), Filing, { context: {} })).rejects.toThrow(
      'validateInput needs the request context with its day (`today`)',
    );
    expect(() => validationDay()).toThrow('A date rule ran outside validateInput');
  });
});
