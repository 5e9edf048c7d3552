/**
 * Every error code the emulator answers, with its HTTP status and envelope `type`: the
 * contract's Errors table (kirim-api.md) plus the few codes of its own (marked). `ApiError`
 * takes its status and type from here, and the OpenAPI document lists each status's codes
 * from here, so the two cannot disagree.
 */
export const ERROR_CODES = {
  invalid_phone_number: { status: 400, type: 'invalid_request_error' },
  invalid_template_name: { status: 400, type: 'invalid_request_error' },
  missing_required_field: { status: 400, type: 'invalid_request_error' },
  invalid_field_value: { status: 400, type: 'invalid_request_error' },
  invalid_limit: { status: 400, type: 'invalid_request_error' },
  invalid_cursor: { status: 400, type: 'invalid_request_error' },
  invalid_webhook_url: { status: 400, type: 'invalid_request_error' },
  /** Emulator (`serve`): the request is not HTTP the server can read (no URL from its Host). */
  malformed_request: { status: 400, type: 'invalid_request_error' },
  /** Emulator: the body does not parse as JSON (or is not UTF-8). */
  invalid_json: { status: 400, type: 'invalid_request_error' },
  invalid_api_key: { status: 401, type: 'authentication_error' },
  expired_api_key: { status: 401, type: 'authentication_error' },
  phone_number_forbidden: { status: 403, type: 'permission_error' },
  resource_not_found: { status: 404, type: 'not_found' },
  /** Emulator: a known path with another method. */
  method_not_allowed: { status: 405, type: 'invalid_request_error' },
  idempotency_in_progress: { status: 409, type: 'conflict' },
  /** "Body rules where the docs are silent": the serialised body is over 1 MiB. */
  request_too_large: { status: 413, type: 'invalid_request_error' },
  /** Emulator (`serve`): the request head is over 32 KiB. */
  request_header_fields_too_large: { status: 431, type: 'invalid_request_error' },
  /** Emulator: a write without `Content-Type: application/json`. */
  unsupported_media_type: { status: 415, type: 'invalid_request_error' },
  idempotency_key_reuse: { status: 422, type: 'invalid_request_error' },
  whatsapp_number_not_verified: { status: 422, type: 'invalid_request_error' },
  account_not_connected: { status: 422, type: 'invalid_request_error' },
  /** ASSUMED in the contract: several connected numbers and no `from`. */
  from_required: { status: 422, type: 'invalid_request_error' },
  rate_limit_exceeded: { status: 429, type: 'rate_limit_error' },
  internal_error: { status: 500, type: 'api_error' },
  whatsapp_upstream_error: { status: 503, type: 'api_error' },
} as const satisfies Record<string, { readonly status: number; readonly type: string }>

/** A code of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES

/** The `type` of an API error envelope (kirim-api.md, "Errors"). */
export type ApiErrorType = (typeof ERROR_CODES)[ErrorCode]['type']

/** The error codes answered with `status`, in table order. */
export const codesOfStatus = (status: number): ErrorCode[] =>
  (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => ERROR_CODES[code].status === status)
