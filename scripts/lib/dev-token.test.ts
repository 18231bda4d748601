import { Department, Role } from '@labour/shared/auth';
import { parseTokenArgs, parseTtl, TokenArgsError } from './dev-token';

describe('parseTokenArgs', () => {
  it('reads a department and roles, with defaults for the rest', () => {
    expect(parseTokenArgs(['--department', 'UNION', '--role', 'COORDINATOR'])).toEqual({
      department: Department.UNION,
      roles: [Role.COORDINATOR],
      name: 'UNION coordinator (development)',
      sub: 'dev:union:coordinator',
      ttlSeconds: 8 * 3600,
    });
  });

  it('takes several roles, a name, a subject and a lifetime; spelling of names is forgiving', () => {
    const args = [
      '--department',
      'hr-bureau',
      '--role',
      'caseworker',
      '--role',
      'ADMIN',
      '--role',
      'admin',
      '--name',
      '张三',
      '--sub',
      'u-7',
      '--ttl',
      '90m',
    ];
    expect(parseTokenArgs(args)).toEqual({
      department: Department.HR_BUREAU,
      roles: [Role.CASEWORKER, Role.ADMIN],
      name: '张三',
      sub: 'u-7',
      ttlSeconds: 5400,
    });
  });

  it('reports every mistake at once, with the usage', () => {
    let error: unknown;
    try {
      parseTokenArgs(['--department', 'TAX', '--role', 'ROOT', '--ttl', 'forever']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TokenArgsError);
    const message = (error as Error).message;
    expect(message).toContain('--department TAX: not a department (choose from HR_BUREAU, UNION, COURT, JUSTICE)');
    expect(message).toContain('--role ROOT: not a role (choose from CASEWORKER, SERVICE, COORDINATOR, ANALYST, ADMIN, AUDITOR)');
    expect(message).toContain('--ttl forever: not a duration from 1m to 12h, the longest the services accept (MAX_TOKEN_LIFETIME)');
    expect(message).toContain('Usage: npm run -s token --');
  });

  it('requires a department and a role, and refuses unknown options', () => {
    expect(() => parseTokenArgs([])).toThrow(/--department is required\n--role is required/);
    expect(() => parseTokenArgs(['--department', 'COURT', '--role', 'ADMIN', '--admin'])).toThrow(/Unknown option '--admin'/);
    expect(() => parseTokenArgs(['--department', 'COURT', '--role', 'ADMIN', '--name', ' '])).toThrow('--name must not be empty');
  });

  it('answers --help', () => {
    expect(parseTokenArgs(['--help'])).toBe('help');
  });

  it('keeps the lifetime within what the services accept (MAX_TOKEN_LIFETIME)', () => {
    expect(parseTokenArgs(['--department', 'COURT', '--role', 'ADMIN'], 3600)).toMatchObject({ ttlSeconds: 3600 }); // the 8h default, cut
    expect(parseTokenArgs(['--department', 'COURT', '--role', 'ADMIN', '--ttl', '2d'], 7 * 86_400)).toMatchObject({ ttlSeconds: 172_800 });
    expect(() => parseTokenArgs(['--department', 'COURT', '--role', 'ADMIN', '--ttl', '2h'], 3600)).toThrow(
      '--ttl 2h: not a duration from 1m to 1h',
    );
  });
});

describe('parseTtl', () => {
  it('accepts 1 minute to the maximum lifetime, 12 hours unless given', () => {
    expect([parseTtl('60s'), parseTtl('1m'), parseTtl('8h'), parseTtl('12h'), parseTtl('30d', 30 * 86_400)]).toEqual([
      60, 60, 28800, 43_200, 2_592_000,
    ]);
    expect([parseTtl('59s'), parseTtl('13h'), parseTtl('8'), parseTtl('-1h'), parseTtl('1.5h')]).toEqual([null, null, null, null, null]);
  });
});
