import { assertTransition } from './state-machine';
import { stepByStep } from './step-by-step';

describe('stepByStep', () => {
  const table = stepByStep('SENT', 'ACKNOWLEDGED', 'ANSWERED');

  it('lets each status move on to the next only, and the last to none', () => {
    expect(table).toEqual({ SENT: ['ACKNOWLEDGED'], ACKNOWLEDGED: ['ANSWERED'], ANSWERED: [] });
  });

  it('refuses a skipped step, naming what is allowed', () => {
    expect(() => assertTransition(table, 'SENT', 'ANSWERED')).toThrow(
      'status cannot change from SENT to ANSWERED (allowed from SENT: ACKNOWLEDGED)',
    );
  });
});
