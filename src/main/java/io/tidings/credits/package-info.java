/**
 * Prepaid SMS credits (seed 001): tiered top-ups as lots valid for two years, consumed oldest first;
 * reserve on submit, settle on the result, freeze when nothing succeeded; every movement a ledger row.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credits", allowedDependencies = "shared")
package io.tidings.credits;
