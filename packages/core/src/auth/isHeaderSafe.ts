/** Whether a credential fits an `Authorization: Bearer …` header: visible ASCII, no spaces. */
export const isHeaderSafe = (value: string): boolean => /^[\x21-\x7e]+$/.test(value)
