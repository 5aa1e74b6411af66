// After a window reload the view must not show another engineer's feedback
// while sign-in is still under way (issue 11, item 3).
import { strict as assert } from 'node:assert';
import { chooseEngineer, type SelectionInput } from '../../../src/core/engineerSelection';

const priya = { login: 'priya-dev', host: 'ghe.example' };
const sam = { login: 'sam-lee', host: 'ghe.example' };
const demoAna = { login: 'ana', host: 'demo' };
const base: SelectionInput = { identity: 'unknown', tracked: [sam], demo: [], demoListed: true };

describe('core/engineerSelection', () => {
  it('while signing in with nothing cached, shows nobody: not the first tracked engineer', () => {
    assert.deepEqual(chooseEngineer({ ...base, saved: priya }), { kind: 'waiting', reason: 'signing-in' });
    assert.deepEqual(chooseEngineer({ ...base }), { kind: 'waiting', reason: 'signing-in' });
  });

  it('with the identity cached from the last session, shows that engineer at once', () => {
    assert.deepEqual(chooseEngineer({ ...base, identity: 'cached', me: priya, saved: priya }), { kind: 'engineer', engineer: priya });
    assert.deepEqual(chooseEngineer({ ...base, identity: 'cached', me: priya }), { kind: 'engineer', engineer: priya }, 'no saved choice: me first');
  });

  it('a saved choice that is already on the list is shown even before sign-in answers', () => {
    assert.deepEqual(chooseEngineer({ ...base, saved: { login: 'SAM-LEE', host: 'ghe.example' } }), { kind: 'engineer', engineer: sam });
  });

  it('once sign-in answered, the saved choice or the first engineer', () => {
    assert.deepEqual(chooseEngineer({ ...base, identity: 'known', me: priya, saved: priya }), { kind: 'engineer', engineer: priya });
    assert.deepEqual(chooseEngineer({ ...base, identity: 'known', saved: priya }), { kind: 'engineer', engineer: sam }, 'signed out: the saved engineer is gone, show who is left');
    assert.deepEqual(chooseEngineer({ identity: 'known', tracked: [], demo: [], demoListed: true }), { kind: 'none' });
  });

  it('a demo engineer shown last waits for the demo journals to be listed', () => {
    const demoing = { ...base, identity: 'known' as const, me: priya, saved: demoAna };
    assert.deepEqual(chooseEngineer({ ...demoing, demoListed: false }), { kind: 'waiting', reason: 'loading' });
    assert.deepEqual(chooseEngineer({ ...demoing, demo: [demoAna] }), { kind: 'engineer', engineer: demoAna });
  });
});
