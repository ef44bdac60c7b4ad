// Compile-time proof (checked by `tsc --noEmit`, which covers the tests) that the documented,
// hand-written types describe exactly what the zod schema accepts and returns.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type {
  AhpWeightSpec,
  BaseWeightSpec,
  Defaults,
  Model,
  Profile,
  WeightSpec,
} from "../../src/indicators/model-types.js";
import type {
  AggregateSpecSchema,
  AhpWeightSpecSchema,
  BaseWeightSpecSchema,
  DefaultsSchema,
  DirectionSchema,
  MissingPolicySchema,
  ModelSchema,
  NormalizeSpecSchema,
  ProfileSchema,
  TreatSpecSchema,
  WeightSpecSchema,
} from "../../src/indicators/schema.js";
import type { AggregateSpec, MissingPolicy, NormalizeSpec, TreatSpec } from "../../src/internal/specs.js";
import type { Direction } from "../../src/internal/types.js";

/** true when A and B are assignable to each other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;

type Checks = [
  Check<Same<z.output<typeof ModelSchema>, Model>>,
  Check<Same<z.input<typeof ModelSchema>, Model>>,
  Check<Same<z.output<typeof ProfileSchema>, Profile>>,
  Check<Same<z.output<typeof DefaultsSchema>, Defaults>>,
  Check<Same<z.output<typeof WeightSpecSchema>, WeightSpec>>,
  Check<Same<z.output<typeof BaseWeightSpecSchema>, BaseWeightSpec>>,
  Check<Same<z.output<typeof AhpWeightSpecSchema>, AhpWeightSpec>>,
  Check<Same<z.input<typeof NormalizeSpecSchema>, NormalizeSpec>>,
  Check<Same<z.input<typeof AggregateSpecSchema>, AggregateSpec>>,
  Check<Same<z.input<typeof TreatSpecSchema>, TreatSpec>>,
  Check<Same<z.input<typeof MissingPolicySchema>, MissingPolicy>>,
  Check<Same<z.input<typeof DirectionSchema>, Direction>>,
];

describe("the documented model types", () => {
  it("are the zod schema's own input and output types (checked by the compiler)", () => {
    const checks: Checks = [true, true, true, true, true, true, true, true, true, true, true, true];
    expect(checks.every(Boolean)).toBe(true);
  });
});
