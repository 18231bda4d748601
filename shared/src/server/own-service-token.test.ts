import { generateSigningKey } from '../auth/signing-key';
import { serviceIssuer } from '../auth/service-token';
import { Department, Role } from '../context/principal';
import { ownServiceTokenSource } from './own-service-token';

const audience = 'labour-dispute-federation';
const hr = { name: 'hr-bureau', department: Department.HR_BUREAU };

describe('ownServiceTokenSource', () => {
  it("signs the subgraph's SERVICE tokens with its own key and the issuer that key is bound to", async () => {
    const own = await generateSigningKey({ department: Department.HR_BUREAU, roles: [Role.SERVICE], iss: serviceIssuer('hr-bureau') });
    const token = await ownServiceTokenSource(hr, { serviceKey: own.privateJwk, auth: { jwks: own.jwks, audience } }, 'the witnesses')();
    const [, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
      sub: 'service:hr-bureau',
      department: 'HR_BUREAU',
      roles: ['SERVICE'],
      aud: audience,
      iss: 'labour-federation:service:hr-bureau',
    });
  });

  it('refuses to start with a service key the trusted set binds to another department: every other service would refuse its tokens', async () => {
    const court = await generateSigningKey({ department: Department.COURT, roles: [Role.SERVICE], iss: serviceIssuer('court') });
    expect(() =>
      ownServiceTokenSource(hr, { serviceKey: court.privateJwk, auth: { jwks: court.jwks, audience } }, 'the witnesses'),
    ).toThrow(
      `AUTH_SERVICE_KEY_PATH: the witnesses would refuse this subgraph's SERVICE tokens. The token speaks for HR_BUREAU, but the key that signed it (kid "${court.privateJwk.kid}") is bound to COURT`,
    );
  });
});
