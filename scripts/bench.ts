/**
 * @module
 * `pnpm bench` (= `pnpm build && node scripts/bench.ts`): every figure of the SDK measured in
 * ONE run next to its baseline measured in the same run, printed as a Markdown table and a
 * one-line JSON summary. Exits 1 when the send-one-text browser bundle is over 13 KB gzip
 * (1 KB = 1024 bytes), the budget of issue 3.
 */
import { measureCpuPerSend } from './bench/cpu.ts'
import { emulatorRows, measureEmulator } from './bench/emulator.ts'
import { measureProxy } from './bench/proxy.ts'
import { measureSendMany } from './bench/sendMany.ts'
import {
  bundleSize,
  rawSendText,
  rawWebhooks,
  sdkFull,
  sdkSendText,
  sdkWebhooks,
} from './bench/size.ts'
import { measureValidation } from './bench/validation.ts'

const SEND_TEXT_BUDGET_BYTES = 13 * 1024
const CPU_RATIO_TARGET = 1.5

const started = performance.now()

const [sendText, rawText, full, webhooks, rawVerify] = await Promise.all([
  bundleSize(sdkSendText),
  bundleSize(rawSendText),
  bundleSize(sdkFull),
  bundleSize(sdkWebhooks),
  bundleSize(rawWebhooks),
])
// CPU first: the validation benchmark leaves valibot's code in a state (JIT, inline caches)
// that would then weigh on the SDK's sends and not on the raw-fetch baseline.
const cpu = await measureCpuPerSend()
const validation = measureValidation()
const proxy = await measureProxy()
const emulator = await measureEmulator()
const broadcast = await measureSendMany()

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const count = (perSecond: number) => Math.round(perSecond).toLocaleString('en-US')
const ratio = (value: number) => `${value.toFixed(2)}×`
// Every ratio is a cost: how many times the baseline's size, CPU or time per item.
const sizeRatio = (size: number, baseline: number) => ratio(size / baseline)
const rateRatio = (rate: number, baseline: number) => ratio(baseline / rate)

const sendTextOk = sendText.gzip <= SEND_TEXT_BUDGET_BYTES
const cpuRatio = cpu.sdk / cpu.raw

const rows: [string, string, string, string, string][] = [
  ['Measure', '@kirim/core', 'Baseline (same run)', 'Cost ratio', 'Target'],
  [
    'Browser bundle, send one text (min + gzip 9)',
    `${kb(sendText.gzip)} (${kb(sendText.minified)} min)`,
    `${kb(rawText.gzip)} raw fetch (${kb(rawText.minified)} min)`,
    sizeRatio(sendText.gzip, rawText.gzip),
    `≤ 13.0 KB ${sendTextOk ? 'met' : 'MISSED'}`,
  ],
  [
    '… sendMany, loaded on its first call (min + gzip 9)',
    `${kb(sendText.lazy.gzip)} (${kb(sendText.lazy.minified)} min)`,
    '',
    '',
    '',
  ],
  [
    'Browser bundle, all of @kirim/core',
    `${kb(full.gzip)} (${kb(full.minified)} min)`,
    `${kb(rawText.gzip)} raw fetch`,
    sizeRatio(full.gzip, rawText.gzip),
    '',
  ],
  [
    'Browser bundle, all of @kirim/core/webhooks',
    `${kb(webhooks.gzip)} (${kb(webhooks.minified)} min)`,
    `${kb(rawVerify.gzip)} hand-written HMAC check`,
    sizeRatio(webhooks.gzip, rawVerify.gzip),
    '',
  ],
  [
    'Client CPU per send (local server, sequential)',
    `${cpu.sdk.toFixed(0)} µs`,
    `${cpu.raw.toFixed(0)} µs raw fetch`,
    ratio(cpuRatio),
    `≤ ${CPU_RATIO_TARGET.toFixed(1)}× ${cpuRatio <= CPU_RATIO_TARGET ? 'met' : 'MISSED'}`,
  ],
  [
    "Client CPU per send, ky alone (the SDK's HTTP layer)",
    `${cpu.ky.toFixed(0)} µs`,
    `${cpu.raw.toFixed(0)} µs raw fetch`,
    ratio(cpu.ky / cpu.raw),
    'reference',
  ],
  [
    'parseSendMessage, one of each of the 9 types',
    `${count(validation.mix.sdk)} msg/s`,
    `${count(validation.mix.baseline)} msg/s JSON.stringify`,
    rateRatio(validation.mix.sdk, validation.mix.baseline),
    '',
  ],
  [
    'parseSendMessage, list message (2 sections, 4 rows)',
    `${count(validation.list.sdk)} msg/s`,
    `${count(validation.list.baseline)} msg/s JSON.stringify`,
    rateRatio(validation.list.sdk, validation.list.baseline),
    '',
  ],
  [
    'Sends through createProxy (8 in flight)',
    `${count(proxy.proxy)} sends/s`,
    `${count(proxy.direct)} sends/s straight to emulator`,
    rateRatio(proxy.proxy, proxy.direct),
    '',
  ],
  ...emulatorRows(emulator),
  [
    `sendMany, ${broadcast.concurrency} in flight (rate limits off)`,
    `${count(broadcast.sendMany)} sends/s`,
    `${count(broadcast.promiseAll)} sends/s Promise.all over send`,
    rateRatio(broadcast.sendMany, broadcast.promiseAll),
    '',
  ],
]

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
const line = (row: readonly string[]) =>
  `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
console.log(line(rows[0]!))
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
for (const row of rows.slice(1)) console.log(line(row))
console.log(
  `\nNode ${process.version}, measured in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
)

const round = (value: number, digits = 1) => Number(value.toFixed(digits))
console.log(
  JSON.stringify({
    node: process.version,
    bundle: {
      sendTextGzipBytes: sendText.gzip,
      sendManyLazyGzipBytes: sendText.lazy.gzip,
      rawFetchGzipBytes: rawText.gzip,
      coreGzipBytes: full.gzip,
      webhooksGzipBytes: webhooks.gzip,
      rawWebhooksGzipBytes: rawVerify.gzip,
      sendTextBudgetBytes: SEND_TEXT_BUDGET_BYTES,
    },
    cpuPerSendMicros: {
      sdk: round(cpu.sdk),
      ky: round(cpu.ky),
      raw: round(cpu.raw),
      ratio: round(cpuRatio, 2),
    },
    validationPerSecond: {
      mix: Math.round(validation.mix.sdk),
      mixJsonStringify: Math.round(validation.mix.baseline),
      list: Math.round(validation.list.sdk),
      listJsonStringify: Math.round(validation.list.baseline),
    },
    sendManySendsPerSecond: {
      sendMany: round(broadcast.sendMany),
      promiseAll: round(broadcast.promiseAll),
      ratio: round(broadcast.promiseAll / broadcast.sendMany, 2),
    },
    proxySendsPerSecond: {
      proxy: round(proxy.proxy),
      direct: round(proxy.direct),
      ratio: round(proxy.direct / proxy.proxy, 2),
    },
    emulator,
  }),
)

if (!sendTextOk) {
  console.error(
    `The send-one-text bundle is ${sendText.gzip} bytes gzip, over the ${SEND_TEXT_BUDGET_BYTES}-byte budget.`,
  )
  process.exitCode = 1
}
