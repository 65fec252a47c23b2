import { base, en, en_GB, Faker } from '@faker-js/faker';

export interface GeneratedPerson {
  email: string;
  displayName: string;
}

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/**
 * `count` believable British people, the same for the same seed. Emails are on example.org,
 * a domain reserved for examples, so a demo can never mail a real person.
 */
export function generatePeople(count: number, seed: number, label = 'member'): GeneratedPerson[] {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  const people: GeneratedPerson[] = [];
  for (let i = 1; i <= count; i += 1) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    people.push({
      email: `${ascii(first)}.${ascii(last)}.${label}${i}@example.org`,
      displayName: first,
    });
  }
  return people;
}
