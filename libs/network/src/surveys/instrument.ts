import { z } from 'zod';

/**
 * A survey instrument as data: what it asks, in which words per language, what each answer
 * counts, how it is scored. Shipped ones are in `shipped-instruments.ts`; licensed ones come from
 * a file the operator supplies (`npm run cli -- import-instrument <file>`), none of their wording
 * in this repository.
 */

const words = z
  .record(z.string().regex(/^[a-z]{2}$/, 'a two-letter language code'), z.string().min(1))
  .refine((w) => typeof w.en === 'string', { message: 'needs English (en) at least' });

const option = z.object({ value: z.number().int(), label: words }).strict();

const item = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - and _'),
    text: words,
    options: z.array(option).min(2),
    /** Counted from the other end (the highest option counts as the lowest). */
    reverse: z.boolean().default(false),
  })
  .strict();

const subscale = z
  .object({ id: z.string().regex(/^[a-z0-9_-]{1,40}$/), items: z.array(z.string()).min(1) })
  .strict();

export const INSTRUMENT = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,60}$/, 'lower-case letters, digits and -'),
    version: z.number().int().min(1),
    title: words,
    /** Where it comes from and on what terms it is used. */
    licence: z.string().min(1),
    items: z.array(item).min(1),
    subscales: z.array(subscale).default([]),
    scoring: z
      .object({
        /** The raw score: the sum or the mean of the items' values. */
        method: z.enum(['sum', 'mean']),
        /** Higher means more of what is measured: lonelier, or more resourceful. */
        higherIs: z.enum(['worse', 'better']),
        /** A published raw-to-metric table (SWEMWBS), when the instrument has one. */
        conversion: z.record(z.string().regex(/^-?\d+$/), z.number()).optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((def, ctx) => {
    const ids = new Set<string>();
    def.items.forEach((it, i) => {
      if (ids.has(it.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `"${it.id}" twice` });
      ids.add(it.id);
      const values = new Set(it.options.map((o) => o.value));
      if (values.size !== it.options.length)
        ctx.addIssue({ code: 'custom', path: ['items', i, 'options'], message: 'a value twice' });
    });
    const conversion = def.scoring.conversion;
    if (conversion) {
      if (def.scoring.method !== 'sum')
        ctx.addIssue({
          code: 'custom',
          path: ['scoring', 'method'],
          message: 'a conversion table needs "sum"',
        });
      // Every raw sum the items can make has its metric score.
      const low = def.items.reduce((n, it) => n + Math.min(...it.options.map((o) => o.value)), 0);
      const high = def.items.reduce((n, it) => n + Math.max(...it.options.map((o) => o.value)), 0);
      for (let raw = low; raw <= high; raw += 1)
        if (conversion[String(raw)] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['scoring', 'conversion'],
            message: `no metric score for a raw score of ${raw}`,
          });
    }
    def.subscales.forEach((sub, i) =>
      sub.items.forEach((id, j) => {
        if (!ids.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['subscales', i, 'items', j],
            message: `no item "${id}"`,
          });
      }),
    );
  });

export type Instrument = z.infer<typeof INSTRUMENT>;
