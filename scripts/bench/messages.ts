/**
 * @module
 * One valid body of each message type of the contract (the seed page's examples where it has
 * them), shared by the validation and send benchmarks.
 */

const to = '+628111111111'

/** A list message at its limits' middle: two sections, four rows, header and footer. */
export const listMessage = {
  to,
  type: 'interactive',
  interactive: {
    type: 'list',
    header: { type: 'text', text: 'Pilih layanan' },
    body: { text: 'Layanan apa yang Anda butuhkan?' },
    footer: { text: 'Pilih satu' },
    action: {
      button: 'Lihat opsi',
      sections: [
        {
          title: 'Bantuan',
          rows: [
            { id: 'invoice', title: 'Faktur', description: 'Salinan faktur bulan ini' },
            { id: 'refund', title: 'Pengembalian', description: 'Status dana kembali' },
          ],
        },
        {
          title: 'Pesanan',
          rows: [
            { id: 'track', title: 'Lacak pesanan', description: 'Di mana paket saya?' },
            { id: 'return', title: 'Retur', description: 'Kembalikan barang' },
          ],
        },
      ],
    },
  },
} as const

/** A text message, as the seed page sends it. */
export const textMessage = { to, type: 'text', text: { body: 'Halo dari Kirim' } } as const

/** One of each message type: text, template, image, document, video, audio, cta_url, list, button. */
export const everyMessageType = [
  textMessage,
  {
    to,
    type: 'template',
    template: {
      name: 'order_confirmation',
      language: 'id_ID',
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'John' },
            { type: 'text', text: 'ORD-12345' },
          ],
        },
      ],
    },
  },
  {
    to,
    type: 'image',
    image: { url: 'https://your-cdn.example.com/screenshot.jpg', caption: 'Lihat tangkapan layar' },
  },
  {
    to,
    type: 'document',
    document: { url: 'https://your-cdn.example.com/invoice.pdf', filename: 'invoice.pdf' },
  },
  { to, type: 'video', video: { url: 'https://your-cdn.example.com/demo.mp4', caption: 'Demo' } },
  { to, type: 'audio', audio: { url: 'https://your-cdn.example.com/note.mp3' } },
  {
    to,
    type: 'interactive',
    interactive: {
      type: 'cta_url',
      body: { text: 'Klik untuk melacak pesanan Anda.' },
      action: {
        name: 'cta_url',
        parameters: {
          display_text: 'Lacak Pesanan',
          url: 'https://your-app.example.com/orders/12345',
        },
      },
    },
  },
  listMessage,
  {
    to,
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: 'Konfirmasi pesanan Anda?' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'yes', title: 'Ya' } },
          { type: 'reply', reply: { id: 'no', title: 'Tidak' } },
        ],
      },
    },
  },
] as const
