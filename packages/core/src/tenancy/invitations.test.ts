import { describe, expect, it } from 'vitest';
import { invitationLink } from './invitations.ts';

describe('invitationLink', () => {
  it('points at the invitation page of where the pages are served, the token its last segment', () => {
    expect(invitationLink({ publicBaseUrl: 'https://shegong.cn' }, 'tok_en-1')).toBe(
      'https://shegong.cn/invite/tok_en-1',
    );
  });

  it('does not double the slash of a base that ends with one, and keeps a base path', () => {
    expect(invitationLink({ publicBaseUrl: 'https://shegong.cn/' }, 't')).toBe('https://shegong.cn/invite/t');
    expect(invitationLink({ publicBaseUrl: 'http://localhost:3000/app/' }, 't')).toBe(
      'http://localhost:3000/app/invite/t',
    );
  });
});
