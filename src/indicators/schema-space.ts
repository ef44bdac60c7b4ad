import { z } from "zod";

/**
 * The model-file parts of the space and emergency features (DOMAIN C7): blended profiles, state
 * variable weights and the state-to-profile map. Kept apart from `schema.ts` so that the shared
 * schema lines only reference them. @internal
 */

/** A profile that is a convex blend of others, node by node (平急结合). */
export const ProfileBlendSchema = z
  .union([
    z.record(z.string(), z.number().min(0)).meta({
      description:
        "Profile name -> coefficient (non-negative, summing to 1), e.g. { normal: 0.3, emergency: 0.7 }",
    }),
    z.strictObject({
      between: z
        .tuple([z.string(), z.string()])
        .meta({ description: "[from, to]: the profiles at blend factor 0 and 1" }),
      column: z.string().meta({
        description: "Data column with each unit's blend factor in [0, 1] (an emergency intensity)",
      }),
    }),
  ])
  .meta({
    id: "ProfileBlend",
    description:
      "Local weights blended node by node over the union of the profiles' active children (an absent child weighs 0)",
  });

/** State variable weights (变权): per-unit weights modulated by the unit's own child scores. */
export const VariableWeightsSchema = z
  .strictObject({
    form: z.enum(["power", "exponential"]).optional().meta({
      description: "power (default): S(x) = x^(alpha - 1); exponential: S(x) = exp(-beta x)",
    }),
    alpha: z.number().positive().optional().meta({
      description:
        "power form: 0 < alpha < 1 penalizes low values, 1 gives the fixed weights, > 1 rewards high ones",
    }),
    beta: z.number().optional().meta({
      description: "exponential form: beta > 0 penalizes low values, beta < 0 rewards high ones",
    }),
    floor: z.number().positive().optional().meta({
      description:
        "Child scores below it enter S at the floor (default 0.001), so a zero never gives Infinity",
    }),
    nodes: z.array(z.string()).optional().meta({
      description: "Group ids where variable weights apply (default: every group)",
    }),
  })
  .meta({ id: "VariableWeights" });

/** A unit's state (a response level, a phase) mapped to the profile that scores it. */
export const StatesSchema = z.record(z.string(), z.string()).meta({
  id: "States",
  description:
    'State value (of the data\'s `state` column) -> profile name, e.g. { normal: "normal", III: "emergency" }',
});

/** The units a local indicator (个性) applies to; absent by design for the others. */
export const AppliesToSchema = z
  .union([
    z.strictObject({
      tag: z
        .string()
        .meta({ description: "A 0/1 data column (e.g. coastal): the node applies where it is non-zero" }),
    }),
    z.strictObject({
      parents: z.array(z.string()).meta({
        description: "Unit ids (streets, districts): the node applies to the units below any of them",
      }),
    }),
  ])
  .meta({
    id: "AppliesTo",
    description:
      "A local indicator: absent by design (not missing, no coverage loss, its weight to its siblings) for the other units",
  });

/** The most weight local children may take at a group, per unit. */
export const LocalCapSchema = z.number().min(0).max(1).meta({
  description:
    "At every group with local and common children: the most weight the local ones take for a unit (the rest goes to the common ones)",
});

/** One level of the unit hierarchy (community, street, district, city). */
export const LevelSchema = z
  .strictObject({
    id: z.string().meta({ description: "Level id, as in the data's `level` column (e.g. street)" }),
    name: z
      .union([z.string(), z.record(z.string(), z.string())])
      .optional()
      .meta({ description: "Display name, or names by language code" }),
  })
  .meta({ id: "Level" });

/** How a unit at a level combines its own indicators with the roll-up of its child units. */
export const LevelRuleSchema = z
  .strictObject({
    own: z.number().min(0).max(1).meta({ description: "Weight of the unit's own indicators at the level" }),
    children: z.number().min(0).max(1).meta({ description: "Weight of the roll-up of its child units" }),
    rollup: z
      .union([
        z.literal("mean").meta({ description: "Mean over the scored lowest-level units below" }),
        z
          .strictObject({ weight: z.string().meta({ description: "A column such as population" }) })
          .meta({ description: "Weighted by the column's sum over the scored lowest-level units below" }),
      ])
      .optional()
      .meta({ description: 'mean (default: over the scored units below) or { weight: "population" }' }),
  })
  .meta({ id: "LevelRule" });
