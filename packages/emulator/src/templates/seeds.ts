import type { TemplateSeed } from '../options.ts'

/** The templates of emulator.md, seeded in every emulator unless `templates` replaces them. */
export const SEED_TEMPLATES: readonly TemplateSeed[] = [
  {
    name: 'order_confirmation',
    language: 'id_ID',
    status: 'approved',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Pesanan dikonfirmasi' },
      {
        type: 'BODY',
        text: 'Halo {{1}}, pesanan {{2}} Anda sudah kami terima dan sedang diproses.',
      },
      { type: 'FOOTER', text: 'Terima kasih telah berbelanja' },
    ],
  },
  {
    name: 'reengagement',
    language: 'id_ID',
    status: 'approved',
    category: 'MARKETING',
    components: [
      {
        type: 'BODY',
        text: 'Halo! Ada yang bisa kami bantu hari ini? Balas pesan ini untuk melanjutkan.',
      },
    ],
  },
  {
    name: 'otp_code',
    language: 'en_US',
    status: 'approved',
    category: 'AUTHENTICATION',
    components: [
      {
        type: 'BODY',
        text: '{{1}} is your verification code. For your security, do not share this code.',
      },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Copy code',
            url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code={{1}}',
          },
        ],
      },
    ],
  },
  {
    name: 'promo_paused',
    language: 'id_ID',
    status: 'paused',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Diskon {{1}} untuk semua produk minggu ini!' }],
  },
  {
    name: 'old_promo',
    language: 'id_ID',
    status: 'disabled',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Promo lama: gratis ongkir untuk pesanan pertama.' }],
  },
  {
    name: 'new_launch',
    language: 'en_US',
    status: 'pending',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Meet {{1}}, our newest product. Available from {{2}}.' }],
  },
]

const LANGUAGES = ['id_ID', 'en_US', 'en', 'pt_BR'] as const
const CATEGORIES = ['UTILITY', 'MARKETING', 'UTILITY', 'AUTHENTICATION'] as const
const STATUSES = [
  'approved',
  'approved',
  'approved',
  'approved',
  'pending',
  'rejected',
  'approved',
  'paused',
] as const

/** 40 more templates, deterministic, so listing needs several pages. */
export const GENERATED_TEMPLATES: readonly TemplateSeed[] = Array.from({ length: 40 }, (_, i) => {
  const n = i + 1
  const parameters = i % 3
  const placeholders = Array.from({ length: parameters }, (_, p) => ` {{${p + 1}}}`).join(',')
  return {
    name: `sample_template_${String(n).padStart(2, '0')}`,
    language: LANGUAGES[i % LANGUAGES.length]!,
    status: STATUSES[i % STATUSES.length]!,
    category: CATEGORIES[i % CATEGORIES.length]!,
    components: [{ type: 'BODY', text: `Sample message number ${n}${placeholders}.` }],
  }
})

/** Every default template: the seeds first, then the generated ones. */
export const DEFAULT_TEMPLATES: readonly TemplateSeed[] = [
  ...SEED_TEMPLATES,
  ...GENERATED_TEMPLATES,
]
