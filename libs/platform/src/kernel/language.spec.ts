import { languageFrom } from './language';

describe('languageFrom', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['es', 'es'],
    ['es-ES,es;q=0.9,en;q=0.8', 'es'],
    ['en-GB,en;q=0.9,es;q=0.5', 'en'],
    ['fr-FR, es;q=0.7, en;q=0.3', 'es'],
    ['en;q=0.2, es;q=0.8', 'es'],
    ['es;q=0, en', 'en'],
    ['de', 'en'],
    ['*', 'en'],
  ])('reads %p as %p', (header, language) => {
    expect(languageFrom(header)).toBe(language);
  });
});
