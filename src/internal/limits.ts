/**
 * Largest magnitude of a raw value accepted by normalization and scoring: 1e150. Beyond it,
 * differences, squares and sums of squares of a column could overflow to Infinity (1e308 - (-1e308)
 * does), and a min-max or z-score would silently flatten the column or turn it into NaN; such a
 * value is refused with `value_out_of_range`. Indicator data never come near it (rescale, e.g. to
 * thousands, or take a log).
 *
 * @example
 * ```ts
 * normalize([1e200, 1], "minmax"); // throws IndicatrixError value_out_of_range at values[0]
 * ```
 */
export const MAX_ABS_VALUE = 1e150;
