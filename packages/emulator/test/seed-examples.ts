/**
 * @module Every request body of the "Send Your First Message" page, copied verbatim
 * (`seed.test.ts` checks each one still appears in the page when the page is at hand).
 */

export interface SeedExample {
  name: string
  /** The JSON exactly as printed on the page. */
  json: string
  idempotencyKey?: string
}

export const SEED_EXAMPLES: readonly SeedExample[] = [
  {
    name: 'multi-account text with from',
    json: '{ "from": "+628511760008029", "to": "+628111111111", "type": "text", "text": { "body": "..." }}',
  },
  {
    name: 'single-account text',
    json: '{ "to": "+628111111111", "type": "text", "text": { "body": "Halo dari Kirim" }}',
  },
  {
    name: 'template order_confirmation',
    json: '{ "to": "+628111111111", "type": "template", "template": { "name": "order_confirmation", "language": "id_ID", "components": [ { "type": "body", "parameters": [ { "type": "text", "text": "John" }, { "type": "text", "text": "ORD-12345" } ] } ] }}',
  },
  {
    name: 'image with caption',
    json: '{ "to": "+628111111111", "type": "image", "image": { "url": "https://your-cdn.example.com/screenshot.jpg", "caption": "Lihat tangkapan layar" }}',
  },
  {
    name: 'interactive cta_url',
    json: '{ "to": "+628111111111", "type": "interactive", "interactive": { "type": "cta_url", "body": { "text": "Klik untuk melacak pesanan Anda." }, "action": { "name": "cta_url", "parameters": { "display_text": "Lacak Pesanan", "url": "https://your-app.example.com/orders/12345" } } }}',
  },
  {
    name: 'interactive list',
    json: '{ "to": "+628111111111", "type": "interactive", "interactive": { "type": "list", "header": { "type": "text", "text": "Pilih layanan" }, "body": { "text": "Layanan apa yang Anda butuhkan?" }, "footer": { "text": "Pilih satu" }, "action": { "button": "Lihat opsi", "sections": [ { "title": "Bantuan", "rows": [ { "id": "billing", "title": "Tagihan", "description": "Tanya soal tagihan" }, { "id": "tech", "title": "Teknis", "description": "Bug, error, kesulitan" } ] } ] } }}',
  },
  {
    name: 'curl with Idempotency-Key',
    json: '{"to":"+628111111111","type":"text","text":{"body":"Halo"}}',
    idempotencyKey: '8e1a2c30-f0a4-4c70-9c2d-7b5e3aef9201',
  },
]

/** Where the page sits in a checkout with `../shared` beside it. */
export const SEED_PAGE = new URL(
  '../../../../shared/spec/seed/send-your-first-message.txt',
  import.meta.url,
)
