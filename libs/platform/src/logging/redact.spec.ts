import { redactRequest, redactUrlSecrets } from './redact';

const SIG = 'Wm9vbGFuZC1zaWduYXR1cmUtb2YtZm9ydHktdGhyZWUtY2g';
const link = `/reports/outcomes.csv?areaId=a1&from=2026-01-01T00%3A00%3A00.000Z&by=p1&sid=s1&expires=1796000000&sig=${SIG}`;

describe('what the logs write of a URL', () => {
  it('keeps a report link readable but without what opens it', () => {
    const logged = redactUrlSecrets(link);
    expect(logged).toBe(
      '/reports/outcomes.csv?areaId=a1&from=2026-01-01T00%3A00%3A00.000Z&by=[Redacted]&sid=[Redacted]&expires=[Redacted]&sig=[Redacted]',
    );
    expect(redactUrlSecrets(`https://kith.example.org${link}#top`)).toBe(
      `https://kith.example.org${logged}#top`,
    );
  });

  it('redacts a parameter however it is spelt in the URL, and leaves the rest alone', () => {
    expect(redactUrlSecrets(`/r?%73ig=${SIG}&sig&x=1&sig=2&signal=3`)).toBe(
      '/r?%73ig=[Redacted]&sig=[Redacted]&x=1&sig=[Redacted]&signal=3',
    );
    expect(redactUrlSecrets('/graphql')).toBe('/graphql');
    expect(redactUrlSecrets('/r?%zz=1&a=%')).toBe('/r?%zz=1&a=%');
  });

  it('redacts the parsed query and a Referer, never changing the request itself', () => {
    const query = { sig: SIG, expires: '1', areaId: 'a1' };
    const headers = { referer: `https://kith.example.org${link}`, authorization: 'x' };
    const logged = redactRequest({ url: link, query, headers });
    expect(JSON.stringify(logged)).not.toContain(SIG);
    expect(JSON.stringify(logged)).not.toContain('1796000000');
    expect(logged.query).toEqual({ sig: '[Redacted]', expires: '[Redacted]', areaId: 'a1' });
    expect(query.sig).toBe(SIG);
    expect(headers.referer).toContain(SIG);
  });
});
