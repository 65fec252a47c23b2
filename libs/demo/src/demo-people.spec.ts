import { generatePeople } from './demo-people';

describe('generatePeople', () => {
  it('is the same for the same seed and different for another', () => {
    const first = generatePeople(50, 42);
    expect(generatePeople(50, 42)).toEqual(first);
    expect(generatePeople(50, 43)).not.toEqual(first);
  });

  it('gives unique, plain-ASCII example.org addresses and a first name', () => {
    const people = generatePeople(2000, 1);
    expect(new Set(people.map((p) => p.email)).size).toBe(2000);
    for (const person of people) {
      expect(person.email).toMatch(/^[a-z]+\.[a-z]+\.member\d+@example\.org$/);
      expect(person.displayName.length).toBeGreaterThan(0);
    }
  });
});
