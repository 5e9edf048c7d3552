/**
 * @module
 * A stand-in Kirim API for the CPU benchmark, run in its OWN process so the client's
 * `process.cpuUsage()` counts nothing of the server. It answers every request at once with the
 * contract's 202 and a pending Message, and prints `{"port":…}` when it listens.
 */
import { createServer } from 'node:http'

const now = new Date().toISOString()
const answer = JSON.stringify({
  data: {
    id: 'msg_01HXYZABCDEFGHJKMNPQRSTVWX',
    object: 'message',
    from: '+628511760008029',
    to: '+628111111111',
    type: 'text',
    status: 'pending',
    created_at: now,
    updated_at: now,
    provider_message_id: 'wamid.HBgNNjI4MTExMTExMTExMRUCABEYEjAxSFhZWkFCQ0RFRkdISktNTgA=',
  },
  request_id: 'req_01HXYZABCDEFGHJKMNPQRSTVWX',
})
const headers = {
  'content-type': 'application/json',
  'content-length': String(Buffer.byteLength(answer)),
  'x-request-id': 'req_01HXYZABCDEFGHJKMNPQRSTVWX',
  'idempotent-replayed': 'false',
  'x-ratelimit-limit': '600',
  'x-ratelimit-remaining': '599',
  'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 60),
}

const server = createServer((request, response) => {
  request.resume()
  request.on('end', () => {
    response.writeHead(202, headers)
    response.end(answer)
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  console.log(JSON.stringify({ port: address.port }))
})
// The parent closes our stdin when it is done (or dies): stop then, never linger.
process.stdin.resume()
process.stdin.on('close', () => process.exit(0))
