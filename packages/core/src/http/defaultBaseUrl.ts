/**
 * The Kirim API, where the client and the proxy send by default: one address for both, so that
 * a move of the API is one change.
 */
export const DEFAULT_BASE_URL = 'https://api-kckit.kirim.chat'
