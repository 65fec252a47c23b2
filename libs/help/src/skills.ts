/** The practical skills helpers offer. Slugs are stable; labels may change. */
export interface SkillDefinition {
  slug: string;
  label: string;
}

export const SKILLS: SkillDefinition[] = [
  { slug: 'diy', label: 'Small DIY jobs' },
  { slug: 'changing-light-bulbs', label: 'Changing light bulbs and fuses' },
  { slug: 'putting-up-shelves', label: 'Putting up shelves and pictures' },
  { slug: 'furniture-assembly', label: 'Assembling furniture' },
  { slug: 'gardening', label: 'Gardening' },
  { slug: 'lawn-mowing', label: 'Mowing and weeding' },
  { slug: 'window-boxes', label: 'Window boxes and pots' },
  { slug: 'smartphone-help', label: 'Help with a smartphone or tablet' },
  { slug: 'computer-help', label: 'Help with a computer' },
  { slug: 'video-calls', label: 'Setting up video calls' },
  { slug: 'online-forms', label: 'Filling in forms online' },
  { slug: 'tv-setup', label: 'Setting up a TV or radio' },
  { slug: 'shopping', label: 'Shopping' },
  { slug: 'prescription-collection', label: 'Collecting prescriptions' },
  { slug: 'dog-walking', label: 'Dog walking' },
  { slug: 'pet-care', label: 'Looking after pets' },
  { slug: 'first-visit-company', label: 'Company on a first visit to an activity' },
  { slug: 'befriending', label: 'A friendly chat and a cup of tea' },
  { slug: 'accompanying-appointments', label: 'Going along to appointments' },
  { slug: 'letter-reading', label: 'Reading and writing letters' },
  { slug: 'cooking', label: 'Cooking a meal together' },
  { slug: 'decluttering', label: 'Sorting and decluttering' },
  { slug: 'bike-repair', label: 'Fixing a bike' },
  { slug: 'sewing-repairs', label: 'Sewing repairs' },
  { slug: 'recycling', label: 'Taking things to the tip or recycling' },
];
