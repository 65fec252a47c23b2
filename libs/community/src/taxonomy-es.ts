import type { Language } from '@kith/platform';

/**
 * The catalogue in Spanish, by slug: what a member who reads Kith in Spanish sees. A slug added
 * to the catalogue without its Spanish label fails a test (pure.spec.ts).
 */
export const INTEREST_GROUP_LABELS_ES: Record<string, string> = {
  outdoors: 'Aire libre y naturaleza',
  movement: 'Deporte y movimiento',
  music: 'Música',
  'arts-crafts': 'Arte y manualidades',
  food: 'Comida y bebida',
  learning: 'Aprender',
  games: 'Juegos y pasatiempos',
  digital: 'Tecnología',
  wellbeing: 'Salud y bienestar',
  community: 'Comunidad y cultura',
};

export const INTEREST_LABELS_ES: Record<string, string> = {
  walking: 'Caminar',
  gardening: 'Jardinería',
  birdwatching: 'Observar aves',
  'nature-conservation': 'Cuidar la naturaleza',
  allotments: 'Huertos',
  'park-clean-ups': 'Limpiar parques',
  'chair-yoga': 'Yoga en silla',
  'tai-chi': 'Taichí',
  swimming: 'Natación',
  dancing: 'Baile',
  bowls: 'Petanca',
  'table-tennis': 'Tenis de mesa',
  cycling: 'Ciclismo',
  choir: 'Coro',
  'singing-for-wellbeing': 'Cantar para sentirse bien',
  'playing-an-instrument': 'Tocar un instrumento',
  'listening-to-music': 'Escuchar música',
  ukulele: 'Ukelele',
  'music-quiz': 'Concursos de música',
  painting: 'Pintura y dibujo',
  knitting: 'Punto y ganchillo',
  pottery: 'Cerámica',
  sewing: 'Costura',
  photography: 'Fotografía',
  woodwork: 'Carpintería',
  cooking: 'Cocina',
  baking: 'Repostería',
  'lunch-clubs': 'Comidas en grupo',
  'coffee-mornings': 'Café por la mañana',
  'world-food': 'Comida del mundo',
  'growing-food': 'Cultivar alimentos',
  languages: 'Idiomas',
  'local-history': 'Historia local',
  'book-club': 'Club de lectura',
  'creative-writing': 'Escritura creativa',
  'talks-lectures': 'Charlas y conferencias',
  science: 'Ciencia',
  'board-games': 'Juegos de mesa',
  cards: 'Cartas y bridge',
  chess: 'Ajedrez',
  quizzes: 'Concursos de preguntas',
  puzzles: 'Rompecabezas y crucigramas',
  bingo: 'Bingo',
  'smartphone-skills': 'Aprender a usar el móvil',
  'video-calling': 'Videollamadas con la familia',
  'online-safety': 'Seguridad en internet',
  'computer-basics': 'Informática básica',
  'family-history': 'Historia familiar',
  mindfulness: 'Atención plena',
  'peer-support': 'Grupos de apoyo mutuo',
  'memory-cafe': 'Cafés de la memoria',
  'falls-prevention': 'Fuerza y equilibrio',
  'healthy-eating': 'Comer sano',
  'walking-football': 'Fútbol caminando',
  volunteering: 'Voluntariado',
  'faith-groups': 'Grupos de fe y espiritualidad',
  'film-club': 'Cineclub',
  theatre: 'Teatro y espectáculos',
  museums: 'Museos y galerías',
  'repair-cafe': 'Café de reparaciones',
};

export const GOAL_LABELS_ES: Record<string, string> = {
  'meet-new-people': 'Conocer gente nueva',
  'get-active': 'Moverme más',
  'learn-something': 'Aprender algo nuevo',
  'give-back': 'Ayudar a otros',
  'get-out-more': 'Salir más de casa',
  'feel-more-confident': 'Sentirme más seguro',
  'share-a-skill': 'Compartir lo que sé',
};

/** A catalogue label in the reader's language: Spanish where it is known, else as stored. */
export function interestLabel(slug: string, stored: string, language: Language): string {
  return language === 'es' ? (INTEREST_LABELS_ES[slug] ?? stored) : stored;
}

export function interestGroupLabel(slug: string, stored: string, language: Language): string {
  return language === 'es' ? (INTEREST_GROUP_LABELS_ES[slug] ?? stored) : stored;
}

export function goalLabel(slug: string, stored: string, language: Language): string {
  return language === 'es' ? (GOAL_LABELS_ES[slug] ?? stored) : stored;
}
