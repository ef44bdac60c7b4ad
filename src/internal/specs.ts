/**
 * The spec types of the model format that normalize and aggregate take, inferred from the zod schema
 * (src/indicators/schema.ts) so that the two cannot drift apart.
 */
import type { z } from "zod";
import type {
  AggregateSpecSchema,
  MissingPolicySchema,
  NormalizeSpecSchema,
  TreatSpecSchema,
} from "../indicators/schema.js";

/** How a cost indicator is turned around by min-max: `(max - x) / (max - min)` (default), `1 / x`, or `-x`. */
export type CostTransform = "reflect" | "reciprocal" | "negate";

/** A normalization method, as a bare name (its defaults) or an object with options. */
export type NormalizeSpec = z.input<typeof NormalizeSpecSchema>;

/** Outlier treatment applied before normalization, per indicator. */
export type TreatSpec = z.input<typeof TreatSpecSchema>;

/** How children are combined into their parent's score. */
export type AggregateSpec = z.input<typeof AggregateSpecSchema>;

/** What happens to a missing value: see DOMAIN.md part A. `skip` re-normalizes weights over the children present. */
export type MissingPolicy = z.input<typeof MissingPolicySchema>;
