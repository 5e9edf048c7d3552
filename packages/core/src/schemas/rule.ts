import { _addIssue, type BaseIssue, type BaseValidation } from 'valibot'

/**
 * A validation action for one documented rule. It carries no message: `toValidationIssues`
 * words every rule in one place, from the issue's `type` and the action's `expects` or
 * `requirement`, so the rules stay small and their wording consistent.
 */
export interface RuleAction<TInput> extends BaseValidation<TInput, TInput, BaseIssue<unknown>> {
  /** `[min, max, noun]` for a `chars` or `count` rule. */
  readonly requirement: readonly [number, number, string] | undefined
}

/* @__NO_SIDE_EFFECTS__ */
function action<TInput>(
  type: 'rule' | 'secret' | 'chars' | 'count',
  expects: string | null,
  requirement: RuleAction<TInput>['requirement'],
  test: (input: TInput) => boolean,
): RuleAction<TInput> {
  return {
    kind: 'validation',
    type,
    reference: action,
    async: false,
    expects,
    requirement,
    '~run'(dataset, config) {
      // A count also runs when an item has an issue (the array is then untyped), so one failed
      // send reports "11 sections" beside a bad row.
      if ((dataset.typed || type === 'count') && !test(dataset.value as TInput)) {
        _addIssue(this, type, dataset, config)
      }
      return dataset
    },
  }
}

const within = (value: number, [min, max]: readonly [number, number, string]): boolean =>
  value >= min && value <= max

/**
 * A value that passes `test`, else the issue reads `must be ${expects} (got …)`.
 *
 * @example
 * pipe(string(), rule('an https URL', isHttpsUrl)) // 'must be an https URL (got "http://…")'
 */
/* @__NO_SIDE_EFFECTS__ */
export function rule<TInput>(
  expects: string,
  test: (input: TInput) => boolean,
): RuleAction<TInput> {
  return action('rule', expects, undefined, test)
}

/**
 * Like `rule`, for a secret (a token): the issue reads `must be ${expects}`, never quoting the
 * value, which would end up in logs.
 */
/* @__NO_SIDE_EFFECTS__ */
export function secret<TInput>(
  expects: string,
  test: (input: TInput) => boolean,
): RuleAction<TInput> {
  return action('secret', expects, undefined, test)
}

/**
 * A string of `min`–`max` Unicode code points, the unit of every "characters" limit.
 *
 * @example
 * pipe(string(), chars(1, 24)) // 'must be at most 24 characters (got 25)'
 */
/* @__NO_SIDE_EFFECTS__ */
export function chars<TInput extends string>(min: number, max: number): RuleAction<TInput> {
  const requirement = [min, max, 'character'] as const
  return action('chars', null, requirement, (input) => within(codePointLength(input), requirement))
}

/**
 * An array of `min`–`max` items. Unlike valibot's `minLength`/`maxLength`, it also runs when an
 * item has an issue, so a list with 11 sections and a bad row reports both.
 *
 * @example
 * pipe(array(SectionSchema), count(1, 10, 'section')) // 'must have at most 10 sections (got 11)'
 */
/* @__NO_SIDE_EFFECTS__ */
export function count<TInput extends readonly unknown[]>(
  min: number,
  max: number,
  noun: string,
): RuleAction<TInput> {
  const requirement = [min, max, noun] as const
  return action('count', null, requirement, (input) => {
    const items: unknown = input
    return !Array.isArray(items) || within(items.length, requirement)
  })
}

/**
 * The length of a string in Unicode code points, the unit of every "characters" limit
 * (an emoji outside the Basic Multilingual Plane counts once, not twice).
 *
 * @example
 * codePointLength('😀') // 1, though '😀'.length is 2
 */
export function codePointLength(value: string): number {
  let length = 0
  for (const _ of value) length++
  return length
}
