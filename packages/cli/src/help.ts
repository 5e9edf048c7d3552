// What `--help` prints. The README quotes these texts; a test keeps them equal.

/** `kirim --help`. */
export const MAIN_HELP = `Usage: kirim <command> [options]

Send WhatsApp messages through Kirim from scripts and CI.

Commands:
  send        send one message, from flags or JSON
  broadcast   send one message per row of a CSV or JSON lines file, resumably

The API key is read from KIRIM_API_KEY. Run "kirim <command> --help" for a command's options.

Options:
  -h, --help      show this help
  -v, --version   show the version`

/** `kirim send --help`. */
export const SEND_HELP = `Usage: kirim send --to NUMBER (--text TEXT | --template NAME --language CODE [--param VALUE]...)
       kirim send --json BODY

Sends one message and prints the Message Kirim stored, as JSON.

Options:
  --to NUMBER              the recipient, E.164 (+628111111111)
  --text TEXT              a text message
  --template NAME          a template message, with --language
  --language CODE          the template's language (id_ID, en_US)
  --param VALUE            a body parameter of the template, in order ({{1}}, {{2}} …); repeat it
  --json BODY              the whole send body as JSON; @FILE reads it from a file, - from stdin
  --from NUMBER            the sender, when the organisation has several numbers
  --idempotency-key KEY    the send's Idempotency-Key, to make a rerun of the command safe
  --base-url URL           the API's address (default https://api-kckit.kirim.chat; or KIRIM_BASE_URL)
  -h, --help               show this help

Environment:
  KIRIM_API_KEY            the API key (required)

Exit codes: 0 sent; 1 invalid, refused or failed at once; 2 wrong usage.`

/** `kirim broadcast --help`. */
export const BROADCAST_HELP = `Usage: kirim broadcast --batch NAME [options] FILE

Sends one message per item of FILE, paced by the rate limit. The Idempotency-Key of item i is
"NAME:i": run the same command again with the same --batch and what Kirim already accepted is
replayed, not sent twice; only the rest is sent.

FILE (- for stdin, with --format):
  *.jsonl, *.ndjson   one send body per line: {"to":"+628111111111","type":"text","text":{"body":"Halo"}}
  *.csv               one template message per row; the header names the columns:
                        to           the recipient (required)
                        from         the sender (optional)
                        template     the template's name (or --template for every row)
                        language     its language (or --language for every row)
                        {{1}}, {{2}} the body parameters, in order

Options:
  --batch NAME        the broadcast's name, the same on every run of it (required)
  --format FORMAT     jsonl or csv (default: from FILE's extension)
  --template NAME     the template of every CSV row without a template column
  --language CODE     its language
  --from NUMBER       the sender of every message without one
  --concurrency N     messages in flight at once, 1-64 (default 4)
  --dry-run           check every item and send nothing (no API key needed)
  --progress MODE     bar or lines (default: bar on a terminal, lines otherwise)
  --base-url URL      the API's address (default https://api-kckit.kirim.chat; or KIRIM_BASE_URL)
  -h, --help          show this help

Environment:
  KIRIM_API_KEY       the API key (required, but for --dry-run)

Ctrl-C stops cleanly: nothing new starts, what is in flight finishes. Press it twice to quit at once.

Exit codes: 0 every item sent or replayed; 1 some item invalid, refused or failed; 2 wrong usage;
130 stopped by Ctrl-C.`
