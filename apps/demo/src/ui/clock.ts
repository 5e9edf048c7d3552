/** How the page writes times: the feed's cards to the second, the window with its weekday. */

/** `14:03:27`: when a message was sent or received. */
export const timeOfDay = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** `Fri 14:03:27`: when a 24-hour window closes, which may be tomorrow. */
export const dayAndTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})
