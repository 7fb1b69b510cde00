import * as z from "zod/mini";
import type { EligibilityPolicy } from "../calendar/eligibility.js";
import { lazySchema } from "../core/lazySchema.js";

/**
 * The zod schema of an initiative type, as Decidim's `InitiativesType` and its scoped
 * types define one: how signatures are collected (`online`, `offline` or `any`), whether
 * online signatures may be withdrawn, the promoting committee and its minimum (default
 * 2; 0 without a committee), whether child scopes must reach their own thresholds, and
 * the scopes an initiative of the type may take (`"global"` for none) with the supports
 * each requires and each scope's parent in the organisation's tree.
 *
 * @category Initiatives
 * @example
 * ```ts
 * parseSchema(initiativeTypeSchema, { id: "citizen", signatureType: "any", scopes: [{ scope: "global", supportsRequired: 1000 }] }).success; //=> true
 * ```
 */
export const initiativeTypeSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    signatureType: z.enum(["online", "offline", "any"]),
    undoOnlineSignatures: z._default(z.boolean(), false),
    promotingCommittee: z._default(z.boolean(), true),
    minimumCommitteeMembers: z._default(z.int().check(z.gte(0)), 2),
    childScopeThreshold: z._default(z.boolean(), false),
    scopes: z
      .array(
        z.object({
          scope: z.string().check(z.minLength(1)),
          supportsRequired: z.int().check(z.gte(1)),
          parent: z.optional(z.string()),
        }),
      )
      .check(z.minLength(1)),
  }),
);

/**
 * An initiative type, as {@link initiativeTypeSchema} reads it (defaults filled in), with
 * who may sign: an eligibility policy of `civitas/calendar` (verified, resident, of age,
 * on the census…), checked at every signature.
 *
 * @category Initiatives
 * @example
 * ```ts
 * const type: InitiativeType = { id: "citizen", signatureType: "any", undoOnlineSignatures: false, promotingCommittee: true, minimumCommitteeMembers: 2, childScopeThreshold: false, scopes: [{ scope: "global", supportsRequired: 1000 }] };
 * ```
 */
export type InitiativeType = z.infer<typeof initiativeTypeSchema> & {
  readonly signers?: EligibilityPolicy | undefined;
};

/**
 * The organisation's settings for initiatives, with Decidim's defaults: signatures open
 * for 120 days from publication unless the initiative sets an end, and 60 days in
 * technical validation before an initiative is discarded.
 *
 * @category Initiatives
 * @example
 * ```ts
 * INITIATIVE_SETTINGS.signatureDays; //=> 120
 * ```
 */
export const INITIATIVE_SETTINGS = { signatureDays: 120, maxDaysInValidation: 60 } as const;
