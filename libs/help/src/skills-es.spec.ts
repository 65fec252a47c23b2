import { SKILLS } from './skills';
import { SKILL_LABELS_ES, skillLabel } from './skills-es';

describe('skills in Spanish', () => {
  it('has a Spanish label for every skill', () => {
    expect(Object.keys(SKILL_LABELS_ES).sort()).toEqual(SKILLS.map((s) => s.slug).sort());
    expect(skillLabel('shopping', 'Shopping', 'es')).toBe('Hacer la compra');
    expect(skillLabel('shopping', 'Shopping', 'en')).toBe('Shopping');
  });
});
