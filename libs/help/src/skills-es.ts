import type { Language } from '@kith/platform';

/** Helpers' skills in Spanish, by slug; one added without its label fails a test. */
export const SKILL_LABELS_ES: Record<string, string> = {
  diy: 'Pequeños arreglos en casa',
  'changing-light-bulbs': 'Cambiar bombillas y fusibles',
  'putting-up-shelves': 'Poner estantes y cuadros',
  'furniture-assembly': 'Montar muebles',
  gardening: 'Jardinería',
  'lawn-mowing': 'Cortar el césped y quitar hierbas',
  'window-boxes': 'Jardineras y macetas',
  'smartphone-help': 'Ayuda con el móvil o la tableta',
  'computer-help': 'Ayuda con el ordenador',
  'video-calls': 'Preparar videollamadas',
  'online-forms': 'Rellenar formularios en internet',
  'tv-setup': 'Poner en marcha una tele o una radio',
  shopping: 'Hacer la compra',
  'prescription-collection': 'Recoger recetas de la farmacia',
  'dog-walking': 'Pasear perros',
  'pet-care': 'Cuidar mascotas',
  'first-visit-company': 'Compañía la primera vez que vas a una actividad',
  befriending: 'Una charla amable y un té',
  'accompanying-appointments': 'Acompañar a citas',
  'letter-reading': 'Leer y escribir cartas',
  cooking: 'Cocinar juntos',
  decluttering: 'Ordenar y despejar la casa',
  'bike-repair': 'Arreglar una bici',
  'sewing-repairs': 'Arreglos de costura',
  recycling: 'Llevar cosas al punto limpio',
};

export function skillLabel(slug: string, stored: string, language: Language): string {
  return language === 'es' ? (SKILL_LABELS_ES[slug] ?? stored) : stored;
}
