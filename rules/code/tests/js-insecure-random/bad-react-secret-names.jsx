import React from 'react';

// A React module that makes a credential: only a bare `key` is a list identity; a name that says what it
// protects stays reported.
export function InviteForm({ onCreate }) {
  const create = () =>
    // ruleid: code/js-insecure-random
    onCreate({ inviteToken: Math.random().toString(36).slice(2), key: 'invite' });
  return <button onClick={create}>Invite</button>;
}
